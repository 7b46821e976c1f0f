#!/usr/bin/env bash
# Builds HostOps and runs every test project of HostOps.slnx against a real nats-server, the fault-injection
# suite (tests/HostOps.Faults.Tests, see docs/reliability.md) included.
# Ends with one line: "Tests: N passed, M failed[, K skipped]".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

. scripts/ensure-nats-server.sh
ensure_nats_server || { echo "Tests: 0 passed, 1 failed"; exit 1; }
# The browser tests (tests/HostOps.Ui.Tests) need Debian's chromium and chromium-driver; without them they fail
# on CI and are skipped elsewhere, so a failed install is reported there rather than stopping here.
. scripts/ensure-chromium.sh
ensure_chromium || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log="$(mktemp)"
failed_steps=0

echo "== build"
if ! dotnet build HostOps.slnx -c Release --nologo -v minimal 2>&1 | tee "$log" | grep -E "error|warn" ; then :; fi
if ! grep -q "Build succeeded" "$log"; then
  echo "build failed"; echo "Tests: 0 passed, 1 failed"; exit 1
fi

echo "== package"
# The release artifacts (docs/operations.md "Install on a fleet"); tests/HostOps.EndToEnd.Tests/Packaging checks
# them, and fails instead of skipping when they are missing.
if ./hostops package; then
  export HOSTOPS_REQUIRE_PACKAGES=1
else
  echo "./hostops package failed"
  failed_steps=$((failed_steps + 1))
fi

echo "== format (beside the first tests; reported below)"
# Reads the sources only, so it runs while the modules that may share the machine run; it ends before the
# end-to-end and fault-injection suites start.
dotnet format HostOps.slnx --verify-no-changes --no-restore -v quiet > "$log.format" 2>&1 &
format_pid=$!

echo "== test"
# The end-to-end, fault-injection and browser suites start real process trees whose timing bounds must not depend
# on what else runs beside them: they run last, one module at a time. The other modules run side by side before them.
serial='/HostOps\.(EndToEnd|Faults|Ui)\.Tests\.csproj$'
# run_part NAME GREP_FLAGS [dotnet test options]: the solution's projects that grep (-E or -vE) $serial selects.
run_part() {
  local name="$1" flags="$2"; shift 2
  grep -oE 'Project Path="[^"]+"' HostOps.slnx | cut -d'"' -f2 | grep $flags "$serial" | sed 's/.*/"&"/' | paste -sd, \
    | sed "s|.*|{\"solution\":{\"path\":\"$root/HostOps.slnx\",\"projects\":[&]}}|" > "$log.$name.slnf"
  dotnet test --solution "$log.$name.slnf" -c Release --no-build "$@" 2>&1 | tee "$log.$name"
  return "${PIPESTATUS[0]}"
}
status=0
run_part side-by-side -vE || status=1

wait "$format_pid" && format_ok=1 || format_ok=0
echo "== format"
cat "$log.format"
if [ "$format_ok" -eq 0 ]; then
  echo "dotnet format found unformatted code (run: dotnet format HostOps.slnx)"
  failed_steps=$((failed_steps + 1))
fi

run_part one-at-a-time -E --max-parallel-test-modules 1 || status=1

# The summary of Microsoft.Testing.Platform's dotnet test, per part: "total: N  failed: N  succeeded: N  skipped: N".
count() {
  local sum=0 part n
  for part in side-by-side one-at-a-time; do
    n=$(grep -E "^\s+$1: [0-9]+" "$log.$part" 2>/dev/null | tail -1 | grep -oE '[0-9]+' || echo 0)
    sum=$((sum + ${n:-0}))
  done
  echo "$sum"
}
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
failed=$((failed + failed_steps))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log" "$log".*

line="Tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
