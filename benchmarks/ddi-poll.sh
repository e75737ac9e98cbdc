#!/usr/bin/env bash
# DDI base-poll benchmark: one node on embedded H2, N targets with target tokens, wrk cycling over them.
# Prints requests/s, latency p50/p99, server CPU ms per poll (from the JVM's CPU time) and RSS.
#   [WARMUP=90] [JAR=other.jar] benchmarks/ddi-poll.sh [targets=1000] [connections=64] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=${1:-1000}
CONNECTIONS=${2:-64}
DURATION=${3:-30}
WARMUP=${WARMUP:-90}
PORT=${PORT:-18080}
JAR=${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}
WORK=$(mktemp -d)
H=http://127.0.0.1:$PORT

. benchmarks/lib/ddi-poll.sh
require_tools wrk jq curl
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests install

"${JAVA:-java}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --hawkbit.artifact.storage.path="$WORK/artifacts" \
  --logging.level.root=WARN ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
wait_healthy "$H" $PID "$WORK/server.log"

echo "Creating $TARGETS targets..."
seed_targets "$H" "$TARGETS" "$WORK"

statements() { metric "$H" hawkbit.db.statements; }
TICK=$(getconf CLK_TCK)

echo "Warming up ($WARMUP s: the JIT needs minutes on 2 cores)..."
poll "$H" "$CONNECTIONS" "$WARMUP" "$WORK" > /dev/null

echo "Measuring ($DURATION s, $CONNECTIONS connections)..."
before=$(cpu_ticks $PID); statements_before=$(statements)
result=$(poll "$H" "$CONNECTIONS" "$DURATION" "$WORK")
after=$(cpu_ticks $PID); sleep 3; statements_after=$(statements)
read -r requests micros p50 p99 errors timeouts <<< "$result"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")

awk -v r="$requests" -v us="$micros" -v p50="$p50" -v p99="$p99" -v e="$errors" -v t="$timeouts" -v c0="$before" -v c1="$after" \
    -v tick="$TICK" -v rss="$rss" -v n="$TARGETS" -v conns="$CONNECTIONS" -v s0="$statements_before" -v s1="$statements_after" 'BEGIN {
  printf "targets              %d\n", n
  printf "connections          %d\n", conns
  printf "requests             %d (failed: %d, timed out: %d)\n", r, e, t
  printf "requests/s           %.0f\n", r / (us / 1e6)
  printf "latency p50          %.2f ms\n", p50
  printf "latency p99          %.2f ms\n", p99
  printf "server CPU per poll  %.3f ms\n", (c1 - c0) * 1000 / tick / r
  printf "DB statements/poll   %.4f (%d in all, poll-time batches included)\n", (s1 - s0) / r, s1 - s0
  printf "server RSS           %.0f MiB\n", rss / 1024
}'
