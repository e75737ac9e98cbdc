#!/usr/bin/env bash
# DDI base-poll benchmark: one node on embedded H2, N targets with target tokens, wrk cycling over them.
# Prints requests/s, latency p50/p99, server CPU ms per poll (from the JVM's CPU time), heap bytes allocated per poll
# (JvmAlloc.java, by attach: independent of the machine's load, so the figure to compare on a busy machine) and RSS.
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

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests install

"${JAVA:-java}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --hawkbit.artifact.storage.path="$WORK/artifacts" \
  --logging.level.root=WARN ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "$H/actuator/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

echo "Creating $TARGETS targets..."
: > "$WORK/tokens.lua"
echo "tokens = {" >> "$WORK/tokens.lua"
for ((batch = 0; batch < TARGETS; batch += 100)); do
  body=$(seq $batch $((batch + 99 < TARGETS - 1 ? batch + 99 : TARGETS - 1)) | jq -R '{controllerId: ("bench-" + .), name: ("bench-" + .)}' | jq -s .)
  curl -sf -u admin:admin -H 'Content-Type: application/json' "$H/rest/v1/targets" -d "$body" \
    | jq -r '.[] | "  {\"" + .controllerId + "\", \"" + .securityToken + "\"},"' >> "$WORK/tokens.lua"
done
echo "}" >> "$WORK/tokens.lua"

cat > "$WORK/poll.lua" <<LUA
dofile("$WORK/tokens.lua")
local counter = 0
request = function()
  counter = counter + 1
  local t = tokens[(counter % #tokens) + 1]
  return wrk.format("GET", "/DEFAULT/controller/v1/" .. t[1],
    { ["Authorization"] = "TargetToken " .. t[2], ["Accept"] = "application/hal+json" })
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
statements() { curl -sf -u admin:admin "$H/actuator/metrics/hawkbit.db.statements" | jq '.measurements[0].value'; }
TICK=$(getconf CLK_TCK)
javac -d "$WORK" benchmarks/JvmAlloc.java
allocated() { java -cp "$WORK" JvmAlloc "$PID"; }

echo "Warming up ($WARMUP s: the JIT needs minutes on 2 cores)..."
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/poll.lua" "$H" > /dev/null

echo "Measuring ($DURATION s, $CONNECTIONS connections)..."
alloc_before=$(allocated); before=$(cpu_ticks); statements_before=$(statements)
result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/poll.lua" "$H" | grep '^RESULT')
after=$(cpu_ticks); alloc_after=$(allocated); sleep 3; statements_after=$(statements)
read -r _ requests micros p50 p99 errors <<< "$result"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")

awk -v r="$requests" -v us="$micros" -v p50="$p50" -v p99="$p99" -v e="$errors" -v c0="$before" -v c1="$after" \
    -v tick="$TICK" -v rss="$rss" -v n="$TARGETS" -v conns="$CONNECTIONS" -v s0="$statements_before" -v s1="$statements_after" \
    -v a0="$alloc_before" -v a1="$alloc_after" 'BEGIN {
  printf "targets              %d\n", n
  printf "connections          %d\n", conns
  printf "requests             %d (errors/non-2xx: %d)\n", r, e
  printf "requests/s           %.0f\n", r / (us / 1e6)
  printf "latency p50          %.2f ms\n", p50
  printf "latency p99          %.2f ms\n", p99
  printf "server CPU per poll  %.3f ms\n", (c1 - c0) * 1000 / tick / r
  printf "bytes allocated/poll %.0f\n", (a1 - a0) / r
  printf "DB statements/poll   %.4f (%d in all, poll-time batches included)\n", (s1 - s0) / r, s1 - s0
  printf "server RSS           %.0f MiB\n", rss / 1024
}'
