#!/usr/bin/env bash
# Load-independent start-up counts of one server: starts the jar (default profile, H2), waits for the first 200 of
# GET /rest/v1/targets, and prints classes loaded (of them from a CDS archive), beans in the context, the JVM's
# committed native memory per area (Native Memory Tracking) and RSS. Times depend on the machine's load; these don't.
#   [JAR=...] [JAVA_OPTS=...] [SERVER_ARGS=...] [PORT=19120] benchmarks/startup-counts.sh
# e.g. the small-footprint setting of docs/performance.md:
#   MALLOC_ARENA_MAX=1 JAVA_OPTS="-XX:+UseSerialGC -Xmx72m -Xmn12m -Xss512k -XX:-TieredCompilation \
#     -XX:CICompilerCount=1 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=32m" \
#     SERVER_ARGS=--server.tomcat.threads.max=16 benchmarks/startup-counts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-19120}
JAR=${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}
WORK=$(mktemp -d)
H=http://127.0.0.1:$PORT

# shellcheck disable=SC2086
java -XX:NativeMemoryTracking=summary ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  --hawkbit.artifact.storage.path="$WORK/artifacts" --management.endpoints.web.exposure.include=beans,health \
  --logging.level.root=WARN ${SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf -o /dev/null -u admin:admin "$H/rest/v1/targets"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.5
done

counter() { jcmd $PID PerfCounter.print | awk -F= -v k="$1" '$1 == k {print $2}'; }
echo "classes_loaded=$(counter java.cls.loadedClasses) shared_classes_loaded=$(counter java.cls.sharedLoadedClasses)" \
  "beans=$(curl -sf -u admin:admin "$H/actuator/beans" | jq '[.contexts[].beans | length] | add')" \
  "rss_mb=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$PID/status")"
# "- Class (reserved=..., committed=...KB)" -> "Class=<committed MB>"
jcmd $PID VM.native_memory summary scale=KB | sed -n 's/^-  *\([A-Za-z ]*[a-z]\) *(reserved=[0-9]*KB, committed=\([0-9]*\)KB).*/\1=\2/p' \
  | awk -F= '{gsub(/ /, "_", $1); printf "%s%s_mb=%.1f", sep, $1, $2 / 1024; sep = " "} END {print ""}'
