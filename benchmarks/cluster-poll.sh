#!/usr/bin/env bash
# DDI base-poll load on the topologies users run, one after the other, each seeded fresh with N targets:
#   h2               one node, embedded H2, no broker (the reference the cluster goal is set against)
#   mariadb          one node on the local MariaDB, no broker
#   cluster-mariadb  scripts/cluster.sh: three nodes, MariaDB, RabbitMQ, HAProxy; wrk polls through HAProxy
#   cluster-postgres the same on the local PostgreSQL
# Prints per setup: polls/s, p50/p99, failed polls; per node: polls it served, CPU ms per poll, DB statements per poll
# (the node's hawkbit.db.statements), events it published to the broker per poll (the node's hawkbit.events.published,
# heartbeats apart); for the cluster also the broker's view: socket reads RabbitMQ made on the nodes' connections.
#   [SETUPS="h2 mariadb cluster-mariadb cluster-postgres"] [WARMUP=60] [JAR=...] [JAVA_OPTS="-Xmx512m -XX:+UseSerialGC"]
#   [NODES=3] nodes of the cluster setups (scripts/cluster.sh)
#   [SEEDED=tokens.lua: measure a cluster that is already running and seeded, these its targets' tokens]
#   [PORT=19100] [DB_NAME=poll_bench] [BUS_DESTINATION=poll-bench] [CLUSTER_DIR=target/cluster-poll]
#   benchmarks/cluster-poll.sh [targets=1000] [connections=64] [seconds=30]
# The cluster uses scripts/cluster.sh's ports (8080-8083, 8404) and must not be running already. DB_NAME is dropped and
# created anew for each setup on MariaDB and PostgreSQL (as their local superusers): give the benchmark its own name.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

TARGETS=${1:-1000}
CONNECTIONS=${2:-64}
DURATION=${3:-30}
SETUPS=${SETUPS:-h2 mariadb cluster-mariadb cluster-postgres}
WARMUP=${WARMUP:-60}
PORT=${PORT:-19100}
JAR=$(realpath "${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}")
# The cluster's default (scripts/cluster.sh), so single nodes and cluster nodes run with the same heap and GC.
export JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
export DB_NAME=${DB_NAME:-poll_bench}
export BUS_DESTINATION=${BUS_DESTINATION:-poll-bench}
export CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/target/cluster-poll}
# Three JVMs starting at once on a loaded 2-core machine take minutes.
export START_TIMEOUT=${START_TIMEOUT:-1200}
# wrk is one client address standing for a fleet of devices: keep the nodes' per-client DoS limit (200 DDI reads/s,
# scripts/cluster.sh counts every client) from answering most polls 429, as a single node exempts loopback by default.
export WHITELIST=${WHITELIST:-127.0.0.1/32}
export JAR
WORK=$(mktemp -d)
TICK=$(getconf CLK_TCK)

. benchmarks/lib/ddi-poll.sh
require_tools wrk jq curl ss
[ -f "$JAR" ] || { echo "no jar at $JAR: ./mvnw -B -DskipTests package" >&2; exit 1; }

SINGLE_PID=
cleanup() {
  if [ -n "$SINGLE_PID" ]; then kill "$SINGLE_PID" 2>/dev/null; wait "$SINGLE_PID" 2>/dev/null || true; fi
  [ -d "$CLUSTER_DIR" ] && scripts/cluster.sh stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

fresh_database() {
  [ -z "${SEEDED:-}" ] || return 0
  case $1 in
    mariadb) mariadb -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" ;;
    postgres) runuser -u postgres -- psql -qtA -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" ;;
  esac
}

start_single() {
  local db=$1 args=()
  if [ "$db" = mariadb ]; then
    fresh_database mariadb
    mariadb -uroot -e "CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      CREATE USER IF NOT EXISTS 'hawkbit'@'127.0.0.1' IDENTIFIED BY 'hawkbit';
      GRANT ALL ON \`$DB_NAME\`.* TO 'hawkbit'@'127.0.0.1';"
    args=(--spring.datasource.url="jdbc:mariadb://127.0.0.1:3306/$DB_NAME" --spring.datasource.username=hawkbit
      --spring.datasource.password=hawkbit)
  fi
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --hawkbit.artifact.storage.path="$WORK/artifacts" \
    --logging.level.root=WARN "${args[@]}" > "$WORK/single.log" 2>&1 &
  SINGLE_PID=$!
  wait_healthy "http://127.0.0.1:$PORT" "$SINGLE_PID" "$WORK/single.log"
  ENTRY=http://127.0.0.1:$PORT NODE_URLS=("$ENTRY") NODE_PIDS=("$SINGLE_PID") NODE_NAMES=(single)
}

stop_single() { kill "$SINGLE_PID"; wait "$SINGLE_PID" 2>/dev/null || true; SINGLE_PID=; }

start_cluster() {
  local i
  fresh_database "$1"
  DB=$1 scripts/cluster.sh start > "$WORK/cluster.log" 2>&1 || { cat "$WORK/cluster.log"; return 1; }
  ENTRY=http://127.0.0.1:8080 NODE_URLS=() NODE_PIDS=() NODE_NAMES=()
  for i in $(seq "${NODES:-3}"); do
    NODE_URLS+=("http://127.0.0.1:$((8080 + i))")
    NODE_PIDS+=("$(cat "$CLUSTER_DIR/node-$i.pid")")
    NODE_NAMES+=("node-$i")
  done
}

# Requests HAProxy sent to each node (its CSV stats, by column name), one line per node in NODE_NAMES' order.
lb_requests() {
  curl -s "http://127.0.0.1:8404/stats;csv" | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "req_tot") req = i; if ($i == "stot") sessions = i }; next }
    $1 == "nodes" && $2 != "BACKEND" { print $2, ($req != "" ? $req : $sessions) }' | sort | awk '{print $2}'
}

# Socket reads RabbitMQ made on the connections of the given pids (client side found by ss, broker side by
# rabbitmqctl): every publish, ack and heartbeat frame the nodes sent arrives through one.
broker_reads() {
  local ports
  ports=$(ss -tnpH state established '( dport = :5672 )' | grep -E "pid=($(IFS='|'; echo "$*"))," \
    | awk '{n = split($3, a, ":"); print a[n]}' | sort -u | paste -sd'|')
  [ -n "$ports" ] || { echo 0; return; }
  rabbitmqctl list_connections peer_port recv_cnt -q --no-table-headers 2>/dev/null \
    | awk -v ports="^($ports)\$" '$1 ~ ports { s += $2 } END { print s + 0 }'
}

# Events a node handed to the broker, heartbeats apart (they are periodic, not caused by polls).
events_published() {
  local type sum=0
  for type in $(metric_tag_values "$1" hawkbit.events.published type); do
    [ "$type" = NodeHeartbeatEvent ] && continue
    sum=$(awk -v a="$sum" -v b="$(metric "$1" hawkbit.events.published "type:$type")" 'BEGIN {print a + b}')
  done
  echo "$sum"
}

# counters: per node "ticks statements events heartbeats", one line each.
counters() {
  local i
  for i in "${!NODE_PIDS[@]}"; do
    echo "$(cpu_ticks "${NODE_PIDS[$i]}") $(metric "${NODE_URLS[$i]}" hawkbit.db.statements)" \
      "$(events_published "${NODE_URLS[$i]}")" \
      "$(metric "${NODE_URLS[$i]}" hawkbit.events.published type:NodeHeartbeatEvent)"
  done
}

measure() {
  local setup=$1 cluster=$2 url load0 load1 result c0 c1 r0="" r1="" b0=0 b1=0 lb_pid lb0=0 lb1=0
  if [ -n "${SEEDED:-}" ]; then
    cp "$SEEDED" "$WORK/tokens.lua"; write_poll_script "$WORK"
  else
    echo "[$setup] seeding $TARGETS targets through $ENTRY..." >&2
    seed_targets "$ENTRY" "$TARGETS" "$WORK"
  fi
  echo "[$setup] filling each node's caches with every target..." >&2
  for url in "${NODE_URLS[@]}"; do warm_caches "$url" "$WORK"; done
  echo "[$setup] warming up ($WARMUP s)..." >&2
  poll "$ENTRY" "$CONNECTIONS" "$WARMUP" "$WORK" > /dev/null
  sleep 2
  echo "[$setup] measuring ($DURATION s, $CONNECTIONS connections)..." >&2
  load0=$(cut -d' ' -f1 /proc/loadavg)
  if $cluster; then
    r0=$(lb_requests); b0=$(broker_reads "${NODE_PIDS[@]}")
    lb_pid=$(cat "$CLUSTER_DIR/haproxy.pid"); lb0=$(cpu_ticks "$lb_pid")
  fi
  c0=$(counters)
  result=$(poll "$ENTRY" "$CONNECTIONS" "$DURATION" "$WORK")
  # The write-behind of poll times flushes after the run: wait for it so its statements count.
  sleep 3
  c1=$(counters)
  if $cluster; then r1=$(lb_requests); b1=$(broker_reads "${NODE_PIDS[@]}"); lb1=$(cpu_ticks "$lb_pid"); fi
  load1=$(cut -d' ' -f1 /proc/loadavg)
  read -r requests micros p50 p99 failed timeouts <<< "$result"
  printf '%s\n' "setup=$setup polls=$requests polls_per_s=$(awk -v r="$requests" -v us="$micros" 'BEGIN {printf "%.0f", r / (us / 1e6)}')" \
    "  p50=${p50}ms p99=${p99}ms failed=$failed timeouts=$timeouts loadavg=$load0..$load1"
  paste -d' ' <(echo "$c0") <(echo "$c1") <(printf '%s\n' "${NODE_NAMES[@]}") \
    <(if $cluster; then paste -d' ' <(echo "$r0") <(echo "$r1"); else for _ in "${NODE_NAMES[@]}"; do echo "0 $requests"; done; fi) \
    | awk -v tick="$TICK" '{
        polls = $11 - $10
        printf "  %-6s polls=%d cpu_ms_per_poll=%.3f db_statements_per_poll=%.4f events_per_poll=%.5f heartbeats=%d\n",
          $9, polls, ($5 - $1) * 1000 / tick / polls, ($6 - $2) / polls, ($7 - $3) / polls, $8 - $4 }'
  if $cluster; then
    awk -v b="$((b1 - b0))" -v r="$requests" -v lb="$((lb1 - lb0))" -v tick="$TICK" 'BEGIN {
      printf "  broker socket reads on the nodes'"'"' connections=%d (%.5f per poll); haproxy cpu_ms_per_poll=%.3f\n",
        b, b / r, lb * 1000 / tick / r }'
  fi
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $TARGETS targets, $CONNECTIONS connections, ${DURATION}s, JAVA_OPTS=$JAVA_OPTS"
for setup in $SETUPS; do
  case $setup in
    h2 | mariadb) start_single "$setup"; measure "$setup" false; stop_single ;;
    cluster-mariadb | cluster-postgres)
      start_cluster "${setup#cluster-}"; measure "$setup" true; scripts/cluster.sh stop > /dev/null 2>&1 ;;
    *) echo "unknown setup '$setup'" >&2; exit 2 ;;
  esac
done
