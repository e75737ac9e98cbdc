#!/usr/bin/env bash
# A three-node cluster without Docker: the local MariaDB (or PostgreSQL with DB=postgres) and RabbitMQ, three jars
# on loopback ports and HAProxy from Debian's packages in front of them. See docs/clustering.md ("Deployment").
#
#   scripts/cluster.sh start        create the database and user if needed, start the nodes and the load balancer
#   scripts/cluster.sh status       each node's id, port, pid and health, and the load balancer
#   scripts/cluster.sh stop         stop exactly the processes started here (by their pid files)
#   scripts/cluster.sh kill N       SIGKILL node N (1-based), as a crash would        (used by scripts/cluster-e2e.sh)
#   scripts/cluster.sh start-node N start node N again and wait for its health
#
# Everything is overridable by environment variables (defaults in brackets):
#   CLUSTER_DIR [target/cluster]  run directory: pid files, logs, haproxy.cfg, shared artifacts
#   NODES [3], NODE_PORTS [8081 8082 8083], LB_PORT [8080], LB_STATS_PORT [8404], BIND [127.0.0.1]
#   NODE_ID_PREFIX [node-], JAR [hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar]
#   DB [mariadb] the shared database: mariadb, or postgres (also postgresql) for the local PostgreSQL
#   DB_HOST [127.0.0.1], DB_PORT [3306, 5432 with DB=postgres], DB_NAME [hawkbit], DB_USER [hawkbit], DB_PASSWORD [hawkbit]
#   RABBIT_HOST [127.0.0.1], RABBIT_PORT [5672], RABBIT_USER [guest], RABBIT_PASSWORD [guest]
#   BUS_DESTINATION [springCloudBus] the exchange of the cluster's events: two clusters on one broker need two names
#   ARTIFACT_DIR [$CLUSTER_DIR/artifacts], JAVA_OPTS [-Xmx512m -XX:+UseSerialGC], NODE_ARGS [] extra jar arguments
#   START_TIMEOUT [300] seconds to wait for the nodes' health, CACHE_TTL [the cluster profile's 10m] cache TTL (backstop for missed events)
#   LB_SOURCE [$BIND, 127.0.0.1 if BIND is 0.0.0.0] address HAProxy connects to the nodes from: their only trusted proxy
#   WHITELIST [] CIDR list of clients the nodes never limit nor count per address for logins. Empty: every client
#     counts, loopback included, since behind HAProxy a local client is just another client (docs/configuration.md)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/target/cluster}"
NODES="${NODES:-3}"
read -r -a NODE_PORTS <<<"${NODE_PORTS:-$(seq -s ' ' 8081 $((8080 + NODES)))}"
LB_PORT="${LB_PORT:-8080}"
LB_STATS_PORT="${LB_STATS_PORT:-8404}"
BIND="${BIND:-127.0.0.1}"
NODE_ID_PREFIX="${NODE_ID_PREFIX:-node-}"
JAR="${JAR:-$ROOT/hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}"
DB="${DB:-mariadb}"
case "$DB" in
  mariadb) DB_LABEL=MariaDB; DB_SCHEME=mariadb; DB_DEFAULT_PORT=3306 ;;
  postgres | postgresql) DB=postgres; DB_LABEL=PostgreSQL; DB_SCHEME=postgresql; DB_DEFAULT_PORT=5432 ;;
  *) echo "cluster: DB must be mariadb or postgres, not '$DB'" >&2; exit 1 ;;
esac
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-$DB_DEFAULT_PORT}"
DB_NAME="${DB_NAME:-hawkbit}"
DB_USER="${DB_USER:-hawkbit}"
DB_PASSWORD="${DB_PASSWORD:-hawkbit}"
RABBIT_HOST="${RABBIT_HOST:-127.0.0.1}"
RABBIT_PORT="${RABBIT_PORT:-5672}"
RABBIT_USER="${RABBIT_USER:-guest}"
RABBIT_PASSWORD="${RABBIT_PASSWORD:-guest}"
ARTIFACT_DIR="${ARTIFACT_DIR:-$CLUSTER_DIR/artifacts}"
BUS_DESTINATION="${BUS_DESTINATION:-springCloudBus}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"
NODE_ARGS="${NODE_ARGS:-}"
START_TIMEOUT="${START_TIMEOUT:-300}"
if [ "$BIND" = 0.0.0.0 ]; then LB_SOURCE="${LB_SOURCE:-127.0.0.1}"; else LB_SOURCE="${LB_SOURCE:-$BIND}"; fi
case "$LB_SOURCE" in *:*) TRUSTED_PROXY="$LB_SOURCE/128" ;; *) TRUSTED_PROXY="$LB_SOURCE/32" ;; esac
WHITELIST="${WHITELIST:-}"

log() { printf '%s cluster: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

node_id() { echo "${NODE_ID_PREFIX}$1"; }
node_port() { echo "${NODE_PORTS[$(($1 - 1))]}"; }
pid_file() { echo "$CLUSTER_DIR/$(node_id "$1").pid"; }
log_file() { echo "$CLUSTER_DIR/$(node_id "$1").log"; }
LB_PID="$CLUSTER_DIR/haproxy.pid"
# The nodes run a copy of the jar: a rebuild (mvnw install) rewrites the original under running JVMs, which then fail
# every request that loads a class.
RUN_JAR="$CLUSTER_DIR/hawkbit-update-server.jar"
LB_CFG="$CLUSTER_DIR/haproxy.cfg"

# The pid in a pid file if that process is still the one we started (guards against a reused pid).
live_pid() {
  local file=$1 marker=$2 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$marker" || return 1
  echo "$pid"
}
node_pid() { live_pid "$(pid_file "$1")" "--hawkbit.node.id=$(node_id "$1")"; }
lb_pid() { live_pid "$LB_PID" "$LB_CFG"; }

# The load balancer's check: the "lb" health group (database + readiness, not the broker; see docs/clustering.md).
LB_HEALTH_PATH=/actuator/health/lb
health() { curl -s -m 3 -o /dev/null -w '%{http_code}' "http://$BIND:$1${2:-$LB_HEALTH_PATH}" 2>/dev/null || true; }

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_services() {
  local deadline=$((SECONDS + 120))
  until tcp_open "$DB_HOST" "$DB_PORT"; do
    [ $SECONDS -lt $deadline ] || die "$DB_LABEL at $DB_HOST:$DB_PORT not reachable after 120 s"
    log "waiting for $DB_LABEL at $DB_HOST:$DB_PORT ..."; sleep 2
  done
  log "$DB_LABEL at $DB_HOST:$DB_PORT is reachable"
  until tcp_open "$RABBIT_HOST" "$RABBIT_PORT"; do
    [ $SECONDS -lt $deadline ] || die "RabbitMQ at $RABBIT_HOST:$RABBIT_PORT not reachable after 120 s"
    log "waiting for RabbitMQ at $RABBIT_HOST:$RABBIT_PORT ..."; sleep 2
  done
  log "RabbitMQ at $RABBIT_HOST:$RABBIT_PORT is reachable"
}

create_database() {
  if [ "$DB" = postgres ]; then create_postgres_database; return; fi
  command -v mariadb >/dev/null || die "the mariadb client is missing (apt-get install mariadb-client)"
  local sql="CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  local host
  for host in localhost 127.0.0.1; do
    sql+=" CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD';"
    sql+=" GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'$host';"
  done
  # Root over the local socket first (Debian's default), then over TCP.
  mariadb -uroot -e "$sql" 2>/dev/null || mariadb -uroot -h"$DB_HOST" -P"$DB_PORT" -e "$sql" \
    || die "could not create database $DB_NAME and user $DB_USER as MariaDB root"
  log "database $DB_NAME and user $DB_USER are ready"
}

# The PostgreSQL role and database, idempotently: as the postgres superuser over the local socket (Debian's peer
# authentication, for root through runuser), else over TCP.
create_postgres_database() {
  command -v psql >/dev/null || die "the psql client is missing (apt-get install postgresql-client)"
  pg() {
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && runuser -u postgres -- psql -qtA -d postgres -c 'select 1' >/dev/null 2>&1; then
      runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA -d postgres "$@"
    else
      psql -v ON_ERROR_STOP=1 -qtA -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres "$@"
    fi
  }
  pg -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
           CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'; END IF; END \$\$;" \
    || die "could not create the PostgreSQL role $DB_USER as postgres"
  if [ "$(pg -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
    pg -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" || die "could not create the PostgreSQL database $DB_NAME"
  fi
  log "database $DB_NAME and role $DB_USER are ready on PostgreSQL"
}

ensure_haproxy() {
  command -v haproxy >/dev/null && return
  log "installing haproxy from Debian's packages"
  as_root apt-get install -y -qq haproxy >/dev/null 2>&1 \
    || { as_root apt-get update -qq && as_root apt-get install -y -qq haproxy >/dev/null; } \
    || die "could not install haproxy"
}

write_haproxy_cfg() {
  local i
  {
    cat <<EOF
# Generated by scripts/cluster.sh; see docs/clustering.md ("Load balancer").
global
    maxconn 4096
    # Requests up to this size are kept for a retry on another node.
    tune.bufsize 65536

defaults
    mode http
    timeout connect 2s
    # Idle limits. Event streams (/rest/v1/events, the console) send a comment every hawkbit.event-stream.keep-alive
    # (15 s), so an open stream is never idle this long; keep both above that period.
    timeout client 120s
    timeout server 120s
    timeout http-keep-alive 10s
    timeout check 3s
    # Up to 3 retries; a retry after a failed connection goes to another node (redispatch).
    retries 3
    option redispatch 1
    # Connection failures are retried for every method (nothing reached the node). A crash while a request is being
    # served (empty response), a timeout or a 503 is retried only for idempotent requests (disable-l7-retry below).
    retry-on conn-failure empty-response response-timeout 503
    # Connections to the nodes stay open and are reused (HAProxy's default, kept explicit): a new connection per
    # request costs each node its accept and set-up. A reused connection a node closed meanwhile fails as
    # conn-failure/empty-response, which the retry-on line above retries.
    option http-keep-alive
    http-reuse safe

# The nodes trust X-Forwarded-For from $LB_SOURCE only and take the right-most untrusted entry as the client. HAProxy is
# the edge, so what a client wrote there is dropped and the header names exactly the TCP peer: a client on the address
# HAProxy connects from could otherwise put any identity left of it and escape the per-address limits and lockouts.
frontend hawkbit
    bind $BIND:$LB_PORT
    http-request del-header X-Forwarded-For
    option forwardfor
    http-request disable-l7-retry unless METH_GET || METH_OPTIONS
    default_backend nodes

backend nodes
    balance roundrobin
    source $LB_SOURCE
    # The "lb" health group: the database and readiness, not the broker (a broker outage must not empty the pool).
    option httpchk GET $LB_HEALTH_PATH
    http-check expect status 200
    # A node is out after 2 failed checks 1 s apart and back after 2 good ones; observe-layer4 takes a node out at
    # once when connections to it fail (passive failover) between checks.
    default-server inter 1s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down
EOF
    for i in $(seq "$NODES"); do
      echo "    server $(node_id "$i") $BIND:$(node_port "$i") check"
    done
    cat <<EOF

listen stats
    bind $BIND:$LB_STATS_PORT
    stats enable
    stats uri /stats
    stats refresh 5s
EOF
  } >"$LB_CFG"
}

start_lb() {
  ensure_haproxy
  if pid=$(lb_pid); then log "haproxy already running (pid $pid)"; return; fi
  write_haproxy_cfg
  haproxy -c -q -f "$LB_CFG" || die "invalid $LB_CFG"
  haproxy -f "$LB_CFG" -D -p "$LB_PID" >>"$CLUSTER_DIR/haproxy.log" 2>&1 || die "haproxy did not start (see $CLUSTER_DIR/haproxy.log)"
  log "haproxy on http://$BIND:$LB_PORT (pid $(cat "$LB_PID"), stats http://$BIND:$LB_STATS_PORT/stats, config $LB_CFG)"
}

launch_node() {
  local i=$1 id port pid
  id=$(node_id "$i"); port=$(node_port "$i")
  if pid=$(node_pid "$i"); then log "$id already running (pid $pid, port $port)"; return; fi
  if tcp_open "$BIND" "$port"; then die "port $port of $id is taken by another process"; fi
  # nohup execs java in place, so $! is the JVM's pid (asynchronous commands of a script already ignore SIGINT).
  # shellcheck disable=SC2086
  HAWKBIT_NODE_ID="$id" nohup java $JAVA_OPTS -jar "$RUN_JAR" \
    --hawkbit.node.id="$id" \
    --spring.profiles.active=cluster \
    --server.address="$BIND" --server.port="$port" \
    --spring.datasource.url="jdbc:$DB_SCHEME://$DB_HOST:$DB_PORT/$DB_NAME" \
    --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD" \
    --spring.rabbitmq.host="$RABBIT_HOST" --spring.rabbitmq.port="$RABBIT_PORT" \
    --spring.rabbitmq.username="$RABBIT_USER" --spring.rabbitmq.password="$RABBIT_PASSWORD" \
    --spring.cloud.bus.destination="$BUS_DESTINATION" \
    --hawkbit.artifact.storage.path="$ARTIFACT_DIR" \
    --management.endpoint.health.group.lb.include=db,readinessState \
    --spring.flyway.connect-retries=60 --spring.flyway.connect-retries-interval=10s \
    ${CACHE_TTL:+--hawkbit.cache.global.ttl="$CACHE_TTL"} \
    --hawkbit.server.security.dos.filter.trusted-proxies="$TRUSTED_PROXY" \
    --hawkbit.server.security.dos.filter.whitelist="$WHITELIST" \
    $NODE_ARGS \
    >>"$(log_file "$i")" 2>&1 </dev/null &
  echo $! >"$(pid_file "$i")"
  log "$id starting on port $port (pid $!, log $(log_file "$i"))"
}

wait_healthy() {
  local deadline=$((SECONDS + START_TIMEOUT)) pending i next_report=$((SECONDS + 10))
  while :; do
    pending=()
    for i in "$@"; do
      node_pid "$i" >/dev/null || die "$(node_id "$i") exited during start; last lines of $(log_file "$i"):
$(tail -n 30 "$(log_file "$i")")"
      if [ "$(health "$(node_port "$i")")" = 200 ]; then
        if [ ! -f "$CLUSTER_DIR/.up-$i" ]; then
          touch "$CLUSTER_DIR/.up-$i"; log "$(node_id "$i") is healthy on port $(node_port "$i")"
        fi
      else
        pending+=("$(node_id "$i")")
      fi
    done
    [ ${#pending[@]} -eq 0 ] && return 0
    [ $SECONDS -lt $deadline ] || die "not healthy after ${START_TIMEOUT} s: ${pending[*]} (see the logs in $CLUSTER_DIR;
  the processes keep running: '$0 status' to follow them, '$0 stop' to end them)"
    if [ $SECONDS -ge $next_report ]; then log "waiting for ${pending[*]} ..."; next_report=$((SECONDS + 10)); fi
    sleep 1
  done
}

# Waits until HAProxy routes to the nodes (its health check needs two passes after a node turns healthy), so a client
# starting right after this script never meets "no server available".
wait_in_rotation() {
  local deadline=$((SECONDS + 30)) i state
  [ -f "$LB_PID" ] || return 0
  for i in "$@"; do
    while :; do
      state=$(curl -s -m 3 "http://$BIND:$LB_STATS_PORT/stats;csv" 2>/dev/null \
        | awk -F, -v n="$(node_id "$i")" '$1=="nodes" && $2==n {print $18}')
      [ "$state" = UP ] && break
      [ $SECONDS -lt $deadline ] || die "HAProxy still sees $(node_id "$i") as '${state:-unknown}' after 30 s"
      sleep 0.2
    done
  done
  log "load balancer routes to $(for i in "$@"; do printf '%s ' "$(node_id "$i")"; done)"
}

start() {
  [ -f "$JAR" ] || die "no jar at $JAR: build it with ./mvnw -B -DskipTests install"
  [ "${#NODE_PORTS[@]}" -ge "$NODES" ] || die "NODE_PORTS lists fewer than $NODES ports"
  mkdir -p "$CLUSTER_DIR" "$ARTIFACT_DIR"
  if ! ls "$CLUSTER_DIR"/*.pid >/dev/null 2>&1; then cp "$JAR" "$RUN_JAR"; log "running a copy of $JAR"; fi
  wait_for_services
  create_database
  local i
  rm -f "$CLUSTER_DIR"/.up-*
  # All nodes start together: Flyway's lock lets one migrate while the others wait.
  for i in $(seq "$NODES"); do launch_node "$i"; done
  start_lb
  wait_healthy $(seq "$NODES")
  wait_in_rotation $(seq "$NODES")
  log "cluster up: http://$BIND:$LB_PORT (Management API admin/admin)"
}

start_node() {
  local i=$1
  mkdir -p "$CLUSTER_DIR" "$ARTIFACT_DIR"
  [ -f "$RUN_JAR" ] || cp "$JAR" "$RUN_JAR"
  rm -f "$CLUSTER_DIR/.up-$i"
  launch_node "$i"
  wait_healthy "$i"
  wait_in_rotation "$i"
}

kill_node() {
  local i=$1 pid
  pid=$(node_pid "$i") || die "$(node_id "$i") is not running"
  kill -KILL "$pid"
  while [ -e "/proc/$pid" ]; do sleep 0.1; done
  rm -f "$(pid_file "$i")" "$CLUSTER_DIR/.up-$i"
  log "$(node_id "$i") (pid $pid) killed with SIGKILL"
}

stop_pid() {
  local name=$1 pid=$2 file=$3
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 300); do [ -e "/proc/$pid" ] || break; sleep 0.1; done
  if [ -e "/proc/$pid" ]; then log "$name (pid $pid) still running after 30 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$file"
  log "$name (pid $pid) stopped"
}

stop() {
  local i pid
  if pid=$(lb_pid); then stop_pid haproxy "$pid" "$LB_PID"; else rm -f "$LB_PID"; fi
  for i in $(seq "$NODES"); do
    if pid=$(node_pid "$i"); then stop_pid "$(node_id "$i")" "$pid" "$(pid_file "$i")" &
    else rm -f "$(pid_file "$i")"; fi
  done
  wait
  rm -f "$CLUSTER_DIR"/.up-*
}

status() {
  local i pid code state rc=0
  printf '%-10s %-6s %-8s %s\n' NODE PORT PID HEALTH
  for i in $(seq "$NODES"); do
    if pid=$(node_pid "$i"); then
      code=$(health "$(node_port "$i")")
      case $code in 200) state=UP ;; 503) state="DOWN (503)" ;; *) state="starting (no answer)" ;; esac
      # The full health also covers the broker connection.
      [ "$code" = 200 ] && [ "$(health "$(node_port "$i")" /actuator/health)" != 200 ] && state="UP (/actuator/health DOWN: broker?)"
    else
      pid=-; state=stopped; rc=3
    fi
    printf '%-10s %-6s %-8s %s\n' "$(node_id "$i")" "$(node_port "$i")" "$pid" "$state"
  done
  if pid=$(lb_pid); then
    code=$(health "$LB_PORT")
    printf '%-10s %-6s %-8s %s\n' haproxy "$LB_PORT" "$pid" "$([ "$code" = 200 ] && echo UP || echo "no healthy node ($code)")"
    # Per-server state as HAProxy sees it (from its CSV stats: name, status).
    curl -s -m 3 "http://$BIND:$LB_STATS_PORT/stats;csv" 2>/dev/null | awk -F, '$1=="nodes" && $2!="BACKEND" {printf "  lb view: %s %s\n", $2, $18}'
  else
    printf '%-10s %-6s %-8s %s\n' haproxy "$LB_PORT" - stopped; rc=3
  fi
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) kill_node "${2:?node number}" ;;
  start-node) start_node "${2:?node number}" ;;
  *) echo "usage: $0 start|stop|status|kill N|start-node N" >&2; exit 2 ;;
esac
