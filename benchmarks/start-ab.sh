#!/usr/bin/env bash
# Start cost of one or more server jars, alternating, RUNS times each: one line per start with the server's CPU
# seconds until the first 200 of GET /rest/v1/targets (all threads, and split into the main thread, the JIT compiler
# threads and the rest), wall seconds, classes loaded (not counting those mapped from a CDS archive, counted apart)
# and beans in the context at that moment, RSS 2 s later, and the
# latency of the first and second DDI poll of a device created right after. CPU seconds and counts move far less with
# the machine's load than wall seconds; the load average is printed on every line.
#   [RUNS=3] [PORT=19130] [JAVA=java] [JAVA_OPTS=...] [SERVER_ARGS=...] benchmarks/start-ab.sh A.jar [B.jar ...]
# e.g. main's jar against this branch's:
#   cp hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar /tmp/b.jar   (on each branch)
#   RUNS=3 benchmarks/start-ab.sh /tmp/a.jar /tmp/b.jar
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 A.jar [B.jar ...]" >&2; exit 2; }
RUNS=${RUNS:-3}
PORT=${PORT:-19130}
H=http://127.0.0.1:$PORT
HZ=$(getconf CLK_TCK)
WORK=$(mktemp -d)
PID=
stop() { if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi; PID=; }
trap 'stop; rm -rf "$WORK"' EXIT

# "main=… jit=… other=…" CPU seconds of the server's threads by name ("java" is the main thread).
threads() {
  for t in /proc/$PID/task/*; do
    awk -v n="$(cat "$t/comm")" '{print $14 + $15, n}' "$t/stat"
  done | awk -v hz="$HZ" '{c = $1; $1 = ""; if ($0 == " java") m += c; else if ($0 ~ /Compiler/) j += c; else o += c}
    END {printf "main_cpu_s=%.2f jit_cpu_s=%.2f other_cpu_s=%.2f", m / hz, j / hz, o / hz}'
}
counter() { jcmd "$PID" PerfCounter.print | awk -F= -v k="$1" '$1 == k {print $2}'; }
poll() {
  curl -s -o /dev/null -w '%{time_total}' -H 'Authorization: TargetToken tok-1' -H 'Accept: application/hal+json' \
    "$H/DEFAULT/controller/v1/dev-1"
}

start() {
  local jar=$1 t0 t1 ticks split load classes beans
  rm -rf "$WORK/artifacts"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  ${JAVA:-java} ${JAVA_OPTS:-} -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
    --hawkbit.artifact.storage.path="$WORK/artifacts" --management.endpoints.web.exposure.include=beans,health \
    --logging.level.root=WARN ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin "$H/rest/v1/targets?limit=1")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  split=$(threads)
  load=$(cut -d' ' -f1 /proc/loadavg)
  classes="$(counter java.cls.loadedClasses) shared_classes=$(counter java.cls.sharedLoadedClasses)"
  # n/a: the beans endpoint is not there (a Spring AOT start keeps the endpoints of its build)
  beans=$({ curl -sf -u admin:admin "$H/actuator/beans" || true; } | jq '[.contexts[].beans | length] | add')
  beans=${beans:-n/a}
  curl -sf -o /dev/null -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{"value":true}' \
    "$H/rest/v1/system/configs/authentication.targettoken.enabled"
  curl -sf -o /dev/null -u admin:admin -H 'Content-Type: application/json' \
    -d '[{"controllerId":"dev-1","name":"dev-1","securityToken":"tok-1"}]' "$H/rest/v1/targets"
  local first second
  first=$(poll); second=$(poll)
  sleep 2
  echo "jar=$jar start_cpu_s=$(awk -v t="$ticks" -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}') $split" \
    "start_wall_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}') classes=$classes beans=$beans" \
    "rss_mb=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$PID/status") first_poll_s=$first second_poll_s=$second" \
    "loadavg=$load..$(cut -d' ' -f1 /proc/loadavg)"
  stop
}

for _ in $(seq "$RUNS"); do
  for jar in "$@"; do start "$jar"; done
done
