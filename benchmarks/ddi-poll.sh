#!/usr/bin/env bash
# DDI base-poll benchmark: one node on embedded H2, N targets with target tokens, wrk cycling over them.
# Prints requests/s, latency p50/p99, server CPU ms per poll (from the JVM's CPU time), heap bytes allocated per poll
# (JvmAlloc.java, by attach: independent of the machine's load, so the figure to compare on a busy machine) and RSS.
# REQUEST=deploymentBase assigns a set with one small artifact to every target and polls each target's
# deploymentBase/{actionId} instead: the answer whose artifact links depend on the store (pre-signed with
# hawkbit.artifact.storage.s3.presigned-downloads, passed in SERVER_ARGS with the other S3 properties).
#   [WARMUP=90] [JAR=other.jar] [PORT=18080] [REQUEST=base|deploymentBase] [SERVER_ARGS=...]
#   benchmarks/ddi-poll.sh [targets=1000] [connections=64] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=${1:-1000}
CONNECTIONS=${2:-64}
DURATION=${3:-30}
WARMUP=${WARMUP:-90}
REQUEST=${REQUEST:-base}
PORT=${PORT:-18080}
JAR=${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}
WORK=$(mktemp -d)
H=http://127.0.0.1:$PORT

. benchmarks/lib/ddi-poll.sh
require_tools wrk jq
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests install

"${JAVA:-java}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --hawkbit.artifact.storage.path="$WORK/artifacts" \
  --logging.level.root=WARN ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
PID=$!
# wait returns the killed node's status: without || true, set -e would end the trap before the rm.
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
wait_healthy "$H" "$PID" "$WORK/server.log"

mgmt() { curl -sf -u admin:admin -H 'Content-Type: application/json' "$@"; }
case "$REQUEST" in
  base) ;;
  deploymentBase)
    head -c 4096 /dev/urandom > "$WORK/artifact.bin"
    module=$(mgmt "$H/rest/v1/softwaremodules" -d '[{"name": "bench", "version": "1", "type": "os"}]' | jq '.[0].id')
    curl -sf -u admin:admin -F "file=@$WORK/artifact.bin;filename=update.bin" "$H/rest/v1/softwaremodules/$module/artifacts" >/dev/null
    dist=$(mgmt "$H/rest/v1/distributionsets" \
      -d "[{\"name\": \"bench\", \"version\": \"1\", \"type\": \"os\", \"modules\": [{\"id\": $module}]}]" | jq '.[0].id') ;;
  *) echo "REQUEST is base or deploymentBase, not $REQUEST" >&2; exit 1 ;;
esac

echo "Creating $TARGETS targets..."
: > "$WORK/tokens.lua"
echo "tokens = {" >> "$WORK/tokens.lua"
for ((batch = 0; batch < TARGETS; batch += 100)); do
  body=$(seq $batch $((batch + 99 < TARGETS - 1 ? batch + 99 : TARGETS - 1)) | jq -R '{controllerId: ("bench-" + .), name: ("bench-" + .)}' | jq -s .)
  created=$(mgmt "$H/rest/v1/targets" -d "$body")
  # The path below /controller/v1/ that each target polls: its base, or its open action's deploymentBase.
  paths='{}'
  if [ "$REQUEST" = deploymentBase ]; then
    paths=$(mgmt "$H/rest/v1/distributionsets/$dist/assignedTargets" -d "$(jq '[.[] | {id: .controllerId, type: "forced"}]' <<< "$body")" \
      | jq '[.assignedActions[]._links.self.href | capture("/targets/(?<c>[^/]+)/actions/(?<a>[0-9]+)$") | {(.c): (.c + "/deploymentBase/" + .a)}] | add')
  fi
  jq -r --argjson paths "$paths" '.[] | "  {\"" + ($paths[.controllerId] // .controllerId) + "\", \"" + .securityToken + "\"},"' \
    <<< "$created" >> "$WORK/tokens.lua"
done
echo "}" >> "$WORK/tokens.lua"
if [ "$REQUEST" = deploymentBase ]; then
  read -r path token < <(sed -n '2s/.*{"\([^"]*\)", "\([^"]*\)"}.*/\1 \2/p' "$WORK/tokens.lua")
  echo "Artifact link: $(curl -sf -H "Authorization: TargetToken $token" "$H/DEFAULT/controller/v1/$path" \
    | jq -r '.deployment.chunks[0].artifacts[0]._links["download-http"].href')"
fi

write_poll_script "$WORK"

TICK=$(getconf CLK_TCK)
javac -d "$WORK" benchmarks/JvmAlloc.java
allocated() { java -cp "$WORK" JvmAlloc "$PID"; }

echo "Warming up ($WARMUP s: the JIT needs minutes on 2 cores)..."
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/poll.lua" "$H" > /dev/null

echo "Measuring ($DURATION s, $CONNECTIONS connections)..."
alloc_before=$(allocated); before=$(cpu_ticks "$PID"); statements_before=$(metric "$H" hawkbit.db.statements)
result=$(poll "$H" "$CONNECTIONS" "$DURATION" "$WORK")
after=$(cpu_ticks "$PID"); alloc_after=$(allocated); sleep 3; statements_after=$(metric "$H" hawkbit.db.statements)
read -r requests micros p50 p99 errors timeouts <<< "$result"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")

awk -v r="$requests" -v us="$micros" -v p50="$p50" -v p99="$p99" -v e="$errors" -v t="$timeouts" -v wt="${WRK_TIMEOUT:-10}" -v c0="$before" -v c1="$after" \
    -v tick="$TICK" -v rss="$rss" -v req="$REQUEST" -v n="$TARGETS" -v conns="$CONNECTIONS" -v s0="$statements_before" -v s1="$statements_after" \
    -v a0="$alloc_before" -v a1="$alloc_after" 'BEGIN {
  printf "request              %s\n", req
  printf "targets              %d\n", n
  printf "connections          %d\n", conns
  printf "requests             %d (errors/non-2xx: %d; not answered within %d s: %d, left out of the latencies)\n", r, e, wt, t
  printf "requests/s           %.0f\n", r / (us / 1e6)
  printf "latency p50          %.2f ms\n", p50
  printf "latency p99          %.2f ms\n", p99
  printf "server CPU per poll  %.3f ms\n", (c1 - c0) * 1000 / tick / r
  printf "bytes allocated/poll %.0f\n", (a1 - a0) / r
  printf "DB statements/poll   %.4f (%d in all, poll-time batches included)\n", (s1 - s0) / r, s1 - s0
  printf "server RSS           %.0f MiB\n", rss / 1024
}'
