#!/usr/bin/env bash
# ./hostops package [--arch x64|arm64]: the release artifacts, into dist/ (see docs/operations.md "Install on a fleet"):
#   hostops-agent-linux-<arch>          the agent: one native AOT executable (x64); self-contained and trimmed on arm64,
#                                       where this machine has no cross linker for native AOT
#   hostops-linux-<arch>                the full hostops (control plane + CLI): self-contained single file
#   hostops_<version>_<debarch>.deb, hostops-agent_<version>_<debarch>.deb   built with dpkg-deb from those files
# Nothing here downloads anything but NuGet packages; the version is VERSION's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
arch=x64
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "hostops package: unknown argument '$1'" >&2; echo "Usage: hostops package [--arch x64|arm64]" >&2; exit 2 ;;
  esac
done
case "$arch" in
  x64) debarch=amd64 ;;
  arm64) debarch=arm64 ;;
  *) echo "hostops package: --arch must be x64 or arm64, not '$arch'" >&2; echo "Usage: hostops package [--arch x64|arm64]" >&2; exit 2 ;;
esac
command -v dpkg-deb >/dev/null || { echo "hostops package: dpkg-deb is needed (apt-get install dpkg)" >&2; exit 1; }
version="$(tr -d '[:space:]' < "$root/VERSION")"
rid="linux-$arch"
dist="$root/dist"
work="$root/.build/package/$rid"
rm -rf "$work"
mkdir -p "$dist" "$work"
publish() { dotnet publish "$@" -c Release -r "$rid" --nologo -v quiet -p:DebugType=none; }

echo "hostops package: $version for $rid"
if [ "$arch" = x64 ]; then
  . "$root/scripts/native-compiler.sh"
  cc="$(native_compiler)" || exit 1
  echo "  hostops-agent-$rid (native AOT)..."
  publish "$root/src/HostOps.Agent.Native/HostOps.Agent.Native.csproj" -p:CppCompilerAndLinker="$cc" -o "$work/agent"
else
  echo "  hostops-agent-$rid (self-contained, trimmed: native AOT for $arch needs a cross linker and sysroot)..."
  publish "$root/src/HostOps.Agent.Native/HostOps.Agent.Native.csproj" -p:PublishAot=false -p:SelfContained=true \
    -p:PublishSingleFile=true -p:PublishTrimmed=true -o "$work/agent"
fi
install -m 0755 "$work/agent/hostops-agent" "$dist/hostops-agent-$rid"

# ASP.NET Core's minimal APIs and YamlDotNet's object model are not trim-safe, so the full CLI is self-contained
# and single-file, untrimmed.
echo "  hostops-$rid (self-contained single file)..."
publish "$root/src/HostOps.Cli/HostOps.Cli.csproj" -p:SelfContained=true -p:PublishSingleFile=true \
  -p:IncludeNativeLibrariesForSelfExtract=true -o "$work/cli"
install -m 0755 "$work/cli/hostops" "$dist/hostops-$rid"

# stage NAME: a package tree in $work/NAME with its DEBIAN/ control files from packaging/deb/NAME.
stage() {
  local name="$1" tree="$work/$1"
  mkdir -p "$tree/DEBIAN"
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$debarch/" "$root/packaging/deb/$name/control" > "$tree/DEBIAN/control"
  for script in postinst prerm postrm; do install -m 0755 "$root/packaging/deb/$name/$script" "$tree/DEBIAN/$script"; done
  [ -f "$root/packaging/deb/$name/conffiles" ] && install -m 0644 "$root/packaging/deb/$name/conffiles" "$tree/DEBIAN/conffiles"
  install -d -m 0755 "$tree/usr/bin" "$tree/lib/systemd/system" "$tree/usr/share/doc/$name"
  install -d -m 0700 "$tree/var/lib/hostops"
  install -m 0644 "$root/packaging/systemd/$name.service" "$tree/lib/systemd/system/$name.service"
  install -m 0644 "$root/packaging/copyright" "$tree/usr/share/doc/$name/copyright"
}

stage hostops
install -m 0755 "$dist/hostops-$rid" "$work/hostops/usr/bin/hostops"
install -d -m 0755 "$work/hostops/etc/hostops"
install -m 0640 "$root/packaging/deb/hostops/hostops.yaml" "$work/hostops/etc/hostops/hostops.yaml"

stage hostops-agent
install -m 0755 "$dist/hostops-agent-$rid" "$work/hostops-agent/usr/bin/hostops-agent"

for name in hostops hostops-agent; do
  size="$(du -sk --exclude=DEBIAN "$work/$name" | cut -f1)"
  echo "Installed-Size: $size" >> "$work/$name/DEBIAN/control"
  dpkg-deb --root-owner-group -Zxz --build "$work/$name" "$dist/${name}_${version}_${debarch}.deb" >/dev/null
done

echo "hostops package: done"
ls -l "$dist" | awk 'NR>1 {printf "  %-40s %6.1f MB\n", $9, $5/1048576}'
