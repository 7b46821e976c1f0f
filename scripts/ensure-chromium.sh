# Sourced by ./test.sh: makes sure Debian's chromium and chromium-driver are installed for tests/HostOps.Ui.Tests
# (the browser tests never download a browser or a driver).
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "hostops: installing chromium (apt-get install -y chromium chromium-driver)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >&2 || {
      echo "hostops: could not install chromium with apt-get; the browser tests will fail on CI" >&2
      return 1
    }
    return 0
  fi
  echo "hostops: chromium is not installed; install it (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) for the browser tests" >&2
  return 1
}
