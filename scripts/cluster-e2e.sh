#!/usr/bin/env bash
# End-to-end test of a three-node cluster without Docker (scripts/cluster.sh) on the local MariaDB (PostgreSQL with
# DB=postgres) and RabbitMQ:
# 50 devices updated through HAProxy while one node is killed with SIGKILL and started again (scripts/cluster_e2e.py).
# Runs from .ci/run after the test suite, on the jar that `./mvnw -B verify` built.
#
# Uses its own ports (18080-18083, stats 18404), database (hawkbit_e2e, recreated) and run directory
# (target/cluster-e2e), so it does not collide with a cluster started by hand. Everything it starts is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

export CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/target/cluster-e2e}"
export LB_PORT="${LB_PORT:-18080}" LB_STATS_PORT="${LB_STATS_PORT:-18404}"
export NODE_PORTS="${NODE_PORTS:-18081 18082 18083}"
export DB_NAME="${DB_NAME:-hawkbit_e2e}" DB_USER="${DB_USER:-hawkbit_e2e}" DB_PASSWORD="${DB_PASSWORD:-hawkbit_e2e}"
# Fast membership so the shrink and the return are seen within seconds.
export NODE_ARGS="${NODE_ARGS:---hawkbit.cluster.heartbeat-interval=1s --hawkbit.cluster.member-timeout=4s --logging.level.root=WARN --logging.level.io.hawkbit=INFO --logging.level.org.springframework.boot.StartupInfoLogger=INFO}"
# An exchange of its own: test nodes of a concurrent `mvnw verify` on the same broker must not hear these events.
export BUS_DESTINATION="${BUS_DESTINATION:-hawkbit-e2e}"
export START_TIMEOUT="${START_TIMEOUT:-300}"
# C1 only and a small heap: three JVMs start on two cores in about half the CPU time.
export JAVA_OPTS="${JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

log() { printf '%s e2e: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

command -v python3 >/dev/null || { log "python3 is missing"; exit 1; }

cleanup() {
  local rc=$?
  scripts/cluster.sh stop || true
  if [ $rc -ne 0 ]; then
    log "FAILED (exit $rc); last lines of the node logs in $CLUSTER_DIR:"
    for f in "$CLUSTER_DIR"/*.log; do [ -f "$f" ] && { echo "--- $f"; grep -v -e '^[[:space:]]*at ' -e 'common frames omitted' "$f" | tail -n 15; }; done
  fi
  exit $rc
}
trap cleanup EXIT

# A fresh database each run (the script creates it and its user again).
scripts/cluster.sh stop >/dev/null 2>&1 || true
case "${DB:-mariadb}" in
  postgres | postgresql)
    runuser -u postgres -- psql -qd postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" 2>/dev/null \
      || psql -qh 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" ;;
  *)
    mariadb -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" 2>/dev/null \
      || mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" ;;
esac
rm -rf "$CLUSTER_DIR"

start=$SECONDS
scripts/cluster.sh start
log "cluster started in $((SECONDS - start)) s"
scripts/cluster.sh status
python3 "$ROOT/scripts/cluster_e2e.py"
scripts/cluster.sh status || true
log "done in $((SECONDS - start)) s"
