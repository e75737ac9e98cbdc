#!/usr/bin/env bash
# Rollout scale on the local MariaDB (and RabbitMQ), one node: TARGETS (default 5000) targets, a rollout of two
# groups. Prints the time to create the rollout (select the targets, fix the groups) and how fast the first group's
# actions are created once it starts (actions/s).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl hawkbit-update-server surefire:test -Dtest=RolloutScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dtargets=${TARGETS:-5000}"
grep -hE '^RESULT|SKIPPED' hawkbit-update-server/target/surefire-reports/io.hawkbit.server.RolloutScaleBenchmark-output.txt \
  | sed 's/^RESULT //'
