#!/usr/bin/env bash
# Cluster event benchmark: NODES (2 or 3, default 3) nodes in one JVM (so one clock) on the local RabbitMQ and MariaDB.
# Prints one-way publish -> remote listener latency p50/p99 over 3000 warm events, loss at 2000 events/s,
# and the events/s one node publishes in a burst.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl hawkbit-update-server surefire:test -Dtest=EventLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dnodes=${NODES:-3} ${JAVA_OPTS:-}"
grep -hE "^RESULT|SKIPPED|^SLOW" hawkbit-update-server/target/surefire-reports/io.hawkbit.server.EventLatencyBenchmark-output.txt \
  | sed 's/^RESULT //'
