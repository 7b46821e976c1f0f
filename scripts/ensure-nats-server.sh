# Sourced by ./hostops and ./test.sh: makes sure the nats-server binary is installed.
ensure_nats_server() {
  if command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "hostops: installing nats-server (apt-get install -y nats-server)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server; } >&2 || {
      echo "hostops: could not install nats-server with apt-get; install it and retry" >&2
      return 1
    }
    return 0
  fi
  echo "hostops: nats-server is not installed; install it (Debian/Ubuntu: sudo apt-get install nats-server, or https://github.com/nats-io/nats-server/releases) and retry" >&2
  return 1
}
