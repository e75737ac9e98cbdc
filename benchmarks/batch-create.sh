#!/usr/bin/env bash
# Batch create benchmark: one node on embedded H2, POST /rest/v1/targets with COUNT targets in one request, ROUNDS
# times after a warm-up of smaller batches. Prints status, seconds and DB statements per batch, then how fast a batch
# of OVERSIZE targets (past the batch quota, hawkbit.quota.max-batch-size) is refused. OVERSIZE=0 skips that.
#   [OVERSIZE=200000] benchmarks/batch-create.sh [count=5000] [rounds=3]     (MVN_ARGS=-o to stay offline)
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${1:-5000}
ROUNDS=${2:-3}
OVERSIZE=${OVERSIZE:-200000}
PORT=${PORT:-18081}
JAR=hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d)
H=http://127.0.0.1:$PORT

command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }
# package, not install: the jar is all this needs.
[ -f "$JAR" ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B ${MVN_ARGS:-} -DskipTests package -pl hawkbit-update-server -am

"${JAVA:-java}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --hawkbit.artifact.storage.path="$WORK/artifacts" \
  --logging.level.root=WARN ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "$H/actuator/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
done

# A JSON array of $2 targets named $1<i>.
batch() { jq -cn --arg p "$1" --argjson n "$2" '[range($n) | {controllerId: ($p + tostring)}]' > "$WORK/batch.json"; }
statements() { curl -sf -u admin:admin "$H/actuator/metrics/hawkbit.db.statements" | jq '.measurements[0].value'; }
# Prints "<status> <seconds>" of one batch POST.
post() {
  curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}\n' -m "${TIMEOUT:-600}" -u admin:admin \
    -H 'Content-Type: application/json' --data-binary @"$WORK/batch.json" "$H/rest/v1/targets" || echo "timeout ${TIMEOUT:-600}"
}

echo "Warming up (10 batches of 500)..."
for w in $(seq 10); do batch "warm-$w-" 500; post > /dev/null; done

echo "batch of $COUNT targets, $ROUNDS rounds ($(nproc) cores):"
for r in $(seq "$ROUNDS"); do
  batch "bench-$r-" "$COUNT"
  before=$(statements)
  read -r status seconds <<< "$(post)"
  after=$(statements)
  printf '  round %d: status %s  %6.2f s  %5.0f targets/s  %.2f DB statements/target\n' "$r" "$status" "$seconds" \
    "$(echo "$COUNT / $seconds" | bc -l)" "$(echo "($after - $before) / $COUNT" | bc -l)"
done

if [ "$OVERSIZE" -gt 0 ]; then
  batch "over-" "$OVERSIZE"
  read -r status seconds <<< "$(post)"
  printf 'batch of %d targets (%d KB): status %s after %.2f s, %s\n' "$OVERSIZE" $(( $(stat -c %s "$WORK/batch.json") / 1024 )) \
    "$status" "$seconds" "$(jq -r '.errorCode // "created"' "$WORK/answer.json" 2>/dev/null || echo '?')"
fi
