#!/usr/bin/env bash
# Rollout progression on three nodes in one JVM (one clock) on the local RabbitMQ and MariaDB, default 5 s scheduler
# period: a rollout of 31 one-target groups whose feedback goes through node 1, 2, 3 in turn. Prints, per node that
# received the feedback, the time from sending the group's last feedback to the next group running (p50, max, all),
# and the rollout scheduler's lock overhead per run on each node.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl hawkbit-update-server surefire:test -Dtest='RolloutClusterIT#progressionLatency*' \
  -Dsurefire.failIfNoSpecifiedTests=false
grep -hE '^ROLLOUT-|SKIPPED' hawkbit-update-server/target/surefire-reports/io.hawkbit.server.RolloutClusterIT-output.txt \
  | sed 's/^ROLLOUT-//'
