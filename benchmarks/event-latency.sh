#!/usr/bin/env bash
# Cluster event benchmark: NODES (2 or 3, default 3) nodes on the local RabbitMQ and MariaDB, each in a JVM of its own
# connected to the broker directly, as deployed (JVMS=shared: all in one JVM behind the tests' TCP proxies, the method
# before session 20). Prints one-way publish -> remote listener latency p50/p99 over 3000 events at 500/s (per receiving
# node) after WARMUP seconds (default 30) at that rate, loss at 2000 events/s, and the events/s one node publishes in a
# burst. JAVA_OPTS go to the publishing node's JVM, NODE_JAVA_OPTS to each receiving node's
# (e.g. -Xlog:gc:file=/tmp/gc-%p.log:uptime).
# STALLS=1 also records the machine's own stalls during the run (benchmarks/lib/stalls.sh, cyclictest) and counts the
# slowest events whose flight overlaps one.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib/stalls.sh
./mvnw -q -B install -DskipTests
[ "${STALLS:-0}" = 1 ] && stalls_start hawkbit-update-server/target/event-latency-stalls.txt
./mvnw -q -B -pl hawkbit-update-server surefire:test -Dtest=EventLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dnodes=${NODES:-3} -Djvms=${JVMS:-own} -Dwarmup=${WARMUP:-30} ${JAVA_OPTS:-}"
out=hawkbit-update-server/target/surefire-reports/io.hawkbit.server.EventLatencyBenchmark-output.txt
grep -hE "^RESULT|SKIPPED|^SLOW" "$out" | sed 's/^RESULT //'
if [ "${STALLS:-0}" = 1 ]; then stalls_report "$out"; fi
