# Shared parts of the fleet benchmarks (sourced by benchmarks/fleet-scale.sh and benchmarks/fleet-actions.sh): one
# node on a MariaDB fleet database, started from a copy of the jar, and the SQL, clock and log helpers around it.
# The sourcing script sets JAR, JAVA_OPTS, PORT, H, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and LOG_NAME first.

# fleet_init TOOL...: checks the tools and the jar, copies the jar (a rebuild would rewrite it under the running JVM)
# into a work directory ($WORK) that is removed, with the node stopped, when the script exits.
fleet_init() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
  done
  [ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -q -o -pl hawkbit-update-server -am package -DskipTests" >&2; exit 1; }
  WORK=$(mktemp -d)
  cp "$JAR" "$WORK/server.jar"
  PID=
  trap 'stop_server; rm -rf "$WORK"' EXIT
}

stop_server() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
  fi
}

log() { printf '%s %s: %s\n' "$(date -u +%H:%M:%S)" "$LOG_NAME" "$*" >&2; }
sql() { mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -N -B "$@"; }
now_ms() { date +%s%3N; }

# start_server DB LOGFILE [ARG...]: one node (no broker) on database DB with the extra jar arguments, then
# SERVER_ARGS; returns when it is healthy ($PID is its process).
start_server() {
  local db=$1 logfile=$2 start
  shift 2
  java $JAVA_OPTS -jar "$WORK/server.jar" --server.port="$PORT" \
    --spring.datasource.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$db" \
    --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD" \
    --spring.cloud.bus.enabled=false --hawkbit.artifact.storage.path="$WORK/artifacts" \
    "$@" ${SERVER_ARGS:-} >"$logfile" 2>&1 &
  PID=$!
  start=$(now_ms)
  until curl -sf "$H/actuator/health" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { tail -50 "$logfile" >&2; exit 1; }
    sleep 1
  done
  log "server up on port $PORT after $(( ($(now_ms) - start) / 1000 )) s"
}
