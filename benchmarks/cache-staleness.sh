#!/usr/bin/env bash
# Cross-node cache staleness: two nodes on the local RabbitMQ and MariaDB; after a write through node 1 returns,
# how long until node 2's DDI poll answers with the new value (p50/p99 over 300 writes after 50 warm-up writes, and
# WARMUP seconds of node 2 polling before them, default 30).
# Node 2 runs in a JVM of its own (NODE_JAVA_OPTS), both connected to the broker directly, as deployed; JVMS=shared
# runs both in one JVM behind the tests' TCP proxies, the method before session 20.
# STALLS=1 also prints the machine's own stalls during the run (benchmarks/lib/stalls.sh, cyclictest).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib/stalls.sh
./mvnw -q -B install -DskipTests
[ "${STALLS:-0}" = 1 ] && stalls_start hawkbit-update-server/target/cache-staleness-stalls.txt
./mvnw -q -B -pl hawkbit-update-server surefire:test -Dtest=CacheStalenessBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Djvms=${JVMS:-own} -Dwarmup=${WARMUP:-30} ${JAVA_OPTS:-}"
out=hawkbit-update-server/target/surefire-reports/io.hawkbit.server.CacheStalenessBenchmark-output.txt
grep -hE '^RESULT|SKIPPED|^SLOW' "$out" | sed 's/^RESULT //'
if [ "${STALLS:-0}" = 1 ]; then stalls_report "$out"; fi
