# Sourced by ./hostops and packaging/package.sh.
# The C toolchain native AOT links with: clang (any version Debian ships), installed with apt-get when root.
native_compiler() {
  local c
  for c in clang clang-19 clang-18 clang-17 clang-16 clang-15 clang-14; do
    command -v "$c" >/dev/null 2>&1 && { echo "$c"; return 0; }
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "hostops: installing clang for native AOT (apt-get install -y clang zlib1g-dev)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev; } >&2 && command -v clang && return 0
  fi
  echo "hostops: no clang found for native AOT (install clang)" >&2
  return 1
}
