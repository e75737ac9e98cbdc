#!/usr/bin/env bash
# Mass actions on a seeded fleet (#17): for each N it seeds (or reuses) the MariaDB database <DB_PREFIX><N> with
# benchmarks/fleet-scale.sh's SEED_ONLY=1, seeds N finished, expired actions by SQL for the cleanup, starts one node
# (no broker, JAVA_OPTS as fleet-scale.sh) and measures:
#   - a rollout of one group of G = min(20,000, N/2) targets (fleet-0000001 ... G) on a new set: from POST .../start
#     until all G actions exist (SQL count) and the group's last device's DDI poll links deploymentBase: actions/s,
#     and the node's CPU per 1,000 actions, in all and split by thread (the rollout scheduler's, the JIT compilers',
#     the GC's, the rest): on a fresh node most of it is the JIT compiling the path;
#   - with step rollout2, the same for the next G targets on the node the first group warmed up (steady state);
#   - an auto-assign target filter matching A = min(100,000, N - G) targets (the ones after the rollouts') on another
#     new set: from POST .../autoAssignDS until all A actions exist, at the scheduler's default 10 s period;
#   - the action cleanup of the N seeded finished actions (status FINISHED, 40 days old; the fleet's own 5,000
#     finished actions are younger than the expiry and must stay): from switching action.cleanup.enabled on until
#     none is left, with the cleanup's period at CLEANUP_PERIOD; batches and the longest batch (= the longest hold of
#     the cluster lock) from the scheduler's log line;
#   - heap used after a full GC (jcmd GC.run, then the actuator's jvm.memory.used) before and after each step.
# Then prints a table per N (and one with all N side by side).
#
#   benchmarks/fleet-actions.sh 10000 100000 [1000000]
#
# Environment (defaults in brackets): DB_HOST [127.0.0.1], DB_PORT [3306], DB_USER [root], DB_PASSWORD [];
# DB_PREFIX [fleetact_]; SKIP_SEED=1 reuses the databases: the actions, rollouts, filters and target changes of an
# earlier run of this script are undone by SQL first (the fleet's seeded state comes back); PORT [random 20000-39999];
# JAR [the update server's jar]; JAVA_OPTS [-Xmx768m -XX:+UseSerialGC]; CLEANUP_ACTIONS [N] finished actions seeded for
# the cleanup; CLEANUP_PERIOD [2s]; WAIT [600] seconds at most per step; OUT [target/fleet-actions]; STEPS [rollout
# autoassign cleanup] the steps to run (and rollout2, after rollout); SERVER_ARGS more arguments for the node (e.g. a batch size);
# SETTLE [0] seconds the node idles after it answers, before the first step (a start's JIT work out of the way).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { sed -n '2,25p' "$0"; exit 1; }
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
DB_PREFIX=${DB_PREFIX:-fleetact_}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
JAR=${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m -XX:+UseSerialGC}
CLEANUP_PERIOD=${CLEANUP_PERIOD:-2s}
WAIT=${WAIT:-600}
OUT=${OUT:-target/fleet-actions}
STEPS=${STEPS:-rollout autoassign cleanup}
H=http://127.0.0.1:$PORT
AUTH=admin:admin

LOG_NAME=fleet-actions
# shellcheck source=benchmarks/lib/fleet.sh
. benchmarks/lib/fleet.sh
fleet_init jq curl mysql jcmd
mkdir -p "$OUT"

secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
api() { curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
cid() { printf 'fleet-%07d' "$1"; }

# The node as measured: overdue marking off (it would compete), the cleanup at CLEANUP_PERIOD and logging its batches.
start_node() {
  start_server "$1" "$2" --hawkbit.scheduler.overdue.enabled=false \
    --hawkbit.scheduler.action-cleanup.period="$CLEANUP_PERIOD" \
    --logging.level.root=WARN --logging.level.io.hawkbit.repository.action.ActionCleanupScheduler=INFO
}

# The node's CPU time so far (user + system), ms.
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$PID/stat"; }
# The node's CPU time so far (ms) by kind of thread: the scheduler's worker, the JIT compilers, the garbage
# collector, all others; "scheduler jit gc other". A thread's name is read from /proc, cut to 15 characters.
cpu_split() {
  local t=$(getconf CLK_TCK) task
  for task in /proc/"$PID"/task/*; do
    printf '%s\t%s\n' "$(cat "$task/comm" 2>/dev/null)" "$(cut -d')' -f2 "$task/stat" 2>/dev/null | awk '{ print $12 + $13 }')"
  done | awk -F'\t' -v t="$t" -v job="$1" '
    $1 ~ job { s += $2; next } $1 ~ /Compiler/ { j += $2; next } $1 ~ /^(VM Thread|GC |G1 )/ { g += $2; next }
    { o += $2 } END { printf "%d %d %d %d", s * 1000 / t, j * 1000 / t, g * 1000 / t, o * 1000 / t }'
}
split_per_k() {
  awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { split(a, x, " "); split(b, y, " ")
    printf "%.0f / %.0f / %.0f / %.0f", (y[1]-x[1])*1000/n, (y[2]-x[2])*1000/n, (y[3]-x[3])*1000/n, (y[4]-x[4])*1000/n }'
}
per_k() { awk -v c="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.0f", c * 1000 / n; else print "-" }'; }

# Heap used after a full GC, MiB.
heap() {
  jcmd "$PID" GC.run >/dev/null
  api "$H/actuator/metrics/jvm.memory.used?tag=area:heap" | jq '.measurements[0].value / 1048576 | floor'
}

# Waits until the SQL count reaches the wanted value; returns the milliseconds since $2 (or "timeout").
wait_count() {
  local db=$1 t0=$2 want=$3 query=$4 have
  while :; do
    have=$(sql "$db" -e "$query")
    [ "$have" -ge "$want" ] && { echo $(( $(now_ms) - t0 )); return; }
    [ $(( $(now_ms) - t0 )) -gt $((WAIT * 1000)) ] && { log "timeout: $have of $want"; echo timeout; return; }
    sleep 0.2
  done
}

# Undoes an earlier run on the database: its actions and status rows, rollouts, filters, and the targets' changed
# sets and statuses (re-derived from the seed's rule), the seeded running actions it canceled.
reset() {
  local db=$1
  sql "$db" -e "
    SET @ds1 = (SELECT id FROM distribution_set WHERE name = 'fleet-os' AND version = '1.0');
    SET @ds2 = (SELECT id FROM distribution_set WHERE name = 'fleet-os' AND version = '2.0');
    DELETE FROM action WHERE created_by = 'fleet-cleanup'
       OR distribution_set_id IN (SELECT id FROM distribution_set WHERE name = 'fleet-actions');
    DELETE FROM rollout WHERE name LIKE 'fa-%';
    DELETE FROM target_filter_query WHERE name LIKE 'fa-%';
    DELETE FROM action_status WHERE created_by <> 'fleet-seed';
    UPDATE action SET status = 'RUNNING', active = TRUE
     WHERE created_by = 'fleet-seed' AND distribution_set_id = @ds2 AND status IN ('CANCELING', 'CANCELED');
    UPDATE target t JOIN (SELECT id, CRC32(CONCAT('s', CAST(SUBSTRING(controller_id, 7) AS UNSIGNED))) % 100 AS b
                            FROM target WHERE assigned_distribution_set IN
                                 (SELECT id FROM distribution_set WHERE name = 'fleet-actions')) s ON s.id = t.id
       SET t.update_status = CASE WHEN s.b < 3 THEN 'UNKNOWN' WHEN s.b < 8 THEN 'REGISTERED' WHEN s.b = 8 THEN 'PENDING'
                                  WHEN s.b = 9 THEN 'ERROR' ELSE 'IN_SYNC' END,
           t.assigned_distribution_set = CASE WHEN s.b < 8 THEN NULL WHEN s.b < 10 THEN @ds2 ELSE @ds1 END;
    DELETE FROM tenant_configuration WHERE conf_key LIKE 'action.cleanup%';"
}

# A new set (name fleet-actions, the seeded firmware 2.0) that no target ever had: prints its id.
new_set() {
  local db=$1 version=$2
  sql "$db" -e "
    INSERT INTO distribution_set (tenant, ds_type_id, name, version, description, required_migration_step, locked,
                                  deleted, valid, created_at, created_by, last_modified_at, last_modified_by,
                                  optlock_revision)
    SELECT tenant, ds_type_id, 'fleet-actions', '$version', 'benchmarks/fleet-actions.sh', FALSE, TRUE, FALSE, TRUE,
           UTC_TIMESTAMP(6), 'fleet-actions', UTC_TIMESTAMP(6), 'fleet-actions', 0
      FROM distribution_set WHERE name = 'fleet-os' AND version = '2.0';
    SET @id = LAST_INSERT_ID();
    INSERT INTO ds_module (ds_id, module_id)
    SELECT @id, module_id FROM ds_module WHERE ds_id = (SELECT id FROM distribution_set
                                                     WHERE name = 'fleet-os' AND version = '2.0');
    SELECT @id;"
}

# N finished actions, 40 days past their last change, each with its RUNNING and FINISHED status.
seed_cleanup() {
  local db=$1 count=$2
  sql "$db" -e "
    SET @ts = UTC_TIMESTAMP(6) - INTERVAL 40 DAY;
    SET @ms = CAST(UNIX_TIMESTAMP(@ts) * 1000 AS SIGNED);
    SET @ds1 = (SELECT id FROM distribution_set WHERE name = 'fleet-os' AND version = '1.0');
    SET foreign_key_checks = 0;
    INSERT INTO action (tenant, target_id, distribution_set_id, action_type, forced_time, weight, status, active,
                        last_action_status_code, created_at, created_by, last_modified_at, last_modified_by,
                        optlock_revision)
    SELECT 'DEFAULT', t.id, @ds1, 'FORCED', 0, NULL, 'FINISHED', FALSE, 200, @ts, 'fleet-cleanup', @ts,
           'fleet-cleanup', 0
      FROM seq_1_to_$(( (count + N_TARGETS - 1) / N_TARGETS )) k,
           (SELECT id FROM target WHERE tenant = 'DEFAULT' ORDER BY id LIMIT $count) t
     LIMIT $count;
    INSERT INTO action_status (tenant, action_id, status, occurred_at, status_code, created_at, created_by)
    SELECT 'DEFAULT', id, 'RUNNING', @ms, NULL, @ts, 'fleet-cleanup' FROM action WHERE created_by = 'fleet-cleanup';
    INSERT INTO action_status (tenant, action_id, status, occurred_at, status_code, created_at, created_by)
    SELECT 'DEFAULT', id, 'FINISHED', @ms, 200, @ts, 'fleet-cleanup' FROM action WHERE created_by = 'fleet-cleanup';
    SET foreign_key_checks = 1;
    ANALYZE TABLE action, action_status;" >/dev/null
}

# group_start KEY FIRST LAST: a rollout of one group of the targets after FIRST up to LAST, started; its figures are
# put as KEY_*.
group_start() {
  local key=$1 first=$2 last=$3 rid status ms body token c0 s0 all_ms total t0
  body=$(jq -n --arg name "fa-$stamp$key" --argjson ds "$roll_set" --arg q "controllerId=gt=$(cid "$first");controllerId=le=$(cid "$last")" \
    '{name: $name, distributionSetId: $ds, targetFilterQuery: $q, amountGroups: 1}')
  rid=$(api "$H/rest/v1/rollouts" -d "$body" | jq -r .id)
  status=creating
  while [ "$status" != ready ]; do
    status=$(api "$H/rest/v1/rollouts/$rid" | jq -r .status)
    [ "$status" = ready ] || sleep 0.5
  done
  total=$(api "$H/rest/v1/rollouts/$rid" | jq -r .totalTargets)
  token=$(sql "$db" -e "SELECT security_token FROM target WHERE controller_id = '$(cid "$last")'")
  log "$key $rid ready with $total targets; starting"
  c0=$(cpu_ms)
  s0=$(cpu_split rollout-sched)
  t0=$(now_ms)
  api -X POST "$H/rest/v1/rollouts/$rid/start" >/dev/null
  ms=$(wait_count "$db" "$t0" "$total" "SELECT COUNT(*) FROM action WHERE rollout_id = $rid")
  all_ms=$ms
  until curl -sf -H "Authorization: TargetToken $token" -H 'Accept: application/hal+json' \
      "$H/DEFAULT/controller/v1/$(cid "$last")" | jq -e '._links.deploymentBase' >/dev/null; do
    sleep 0.1
    [ $(( $(now_ms) - t0 )) -gt $((WAIT * 1000)) ] && { ms=timeout; break; }
  done
  [ "$ms" != timeout ] && ms=$(( $(now_ms) - t0 ))
  put ${key}_group_targets "$total"
  put ${key}_all_actions_s "$( [ "$all_ms" = timeout ] && echo timeout || secs "$all_ms")"
  put ${key}_device_sees_s "$( [ "$ms" = timeout ] && echo timeout || secs "$ms")"
  put ${key}_actions_per_s "$( [ "$ms" = timeout ] && echo - || awk -v c="$total" -v ms="$ms" 'BEGIN { printf "%.0f", c * 1000 / ms }')"
  put ${key}_cpu_ms_per_1000 "$(per_k $(( $(cpu_ms) - c0 )) "$total")"
  put ${key}_cpu_split_scheduler_jit_gc_other "$(split_per_k "$s0" "$(cpu_split rollout-sched)" "$total")"
  put ${key}_status_rows "$(sql "$db" -e "SELECT COUNT(*) FROM action a WHERE a.rollout_id = $rid AND EXISTS
    (SELECT 1 FROM action_status s WHERE s.action_id = a.id)")"
  log "$key: $total actions in $(secs "$all_ms") s, device $(cid "$last") sees deploymentBase after $(secs "$ms") s"
  put heap_after_${key}_mib "$(heap)"
}

measure() {
  local n=$1 db=$DB_PREFIX$1 res=$OUT/results-$1.txt
  : >"$res"
  put() { echo "$1 $2" >>"$res"; }
  if [ "${SKIP_SEED:-0}" != 1 ]; then
    DB_PREFIX=$DB_PREFIX SEED_ONLY=1 PORT=$PORT JAR=$JAR benchmarks/fleet-scale.sh "$n"
  else
    local t0
    t0=$(now_ms)
    reset "$db"
    log "$db reused: an earlier run undone in $(( ($(now_ms) - t0) / 1000 )) s"
  fi
  N_TARGETS=$n
  local cleanup=${CLEANUP_ACTIONS:-$n} t0
  t0=$(now_ms)
  seed_cleanup "$db" "$cleanup"
  log "seeded $cleanup finished actions for the cleanup in $(( ($(now_ms) - t0) / 1000 )) s"
  local stamp roll_set auto_set
  stamp=$(date +%s)
  roll_set=$(new_set "$db" "roll-$stamp")
  auto_set=$(new_set "$db" "auto-$stamp")
  put buffer_pool_mib "$(( $(sql -e 'SELECT @@innodb_buffer_pool_size') / 1048576 ))"
  start_node "$db" "$OUT/server-$n.log"
  put heap_start_mib "$(heap)"
  if [ "${SETTLE:-0}" -gt 0 ]; then
    log "letting the node settle for $SETTLE s (the JIT's queue from the start)"
    sleep "$SETTLE"
  fi

  local g=$(( n / 2 < 20000 ? n / 2 : 20000 )) after=0 body c0 ms
  if [[ " $STEPS " == *" rollout "* ]]; then
    # Rollout: one group of G targets, started on the fresh node (the JIT compiles the path meanwhile).
    group_start rollout 0 "$g"
  fi
  if [[ " $STEPS " == *" rollout2 "* ]]; then
    # The same for the next G targets, on the node the first group start warmed up: the steady-state cost.
    group_start rollout2 "$g" $((2 * g))
    after=$g
  fi

  local a=$(( n - g - after < 100000 ? n - g - after : 100000 )) fid
  if [[ " $STEPS " == *" autoassign "* ]]; then
  # Auto-assignment of a filter matching A targets.
  body=$(jq -n --arg name "fa-$stamp" --arg q "controllerId=gt=$(cid $((g + after)));controllerId=le=$(cid $((g + after + a)))" \
    '{name: $name, query: $q}')
  fid=$(api "$H/rest/v1/targetfilters" -d "$body" | jq -r .id)
  c0=$(cpu_ms)
  t0=$(now_ms)
  api "$H/rest/v1/targetfilters/$fid/autoAssignDS" -d "{\"id\": $auto_set, \"type\": \"forced\"}" >/dev/null
  ms=$(wait_count "$db" "$t0" "$a" "SELECT COUNT(*) FROM action WHERE distribution_set_id = $auto_set")
  put autoassign_targets "$a"
  put autoassign_s "$( [ "$ms" = timeout ] && echo "timeout ($(sql "$db" -e "SELECT COUNT(*) FROM action WHERE distribution_set_id = $auto_set") done)" || secs "$ms")"
  put autoassign_per_s "$( [ "$ms" = timeout ] && echo - || awk -v c="$a" -v ms="$ms" 'BEGIN { printf "%.0f", c * 1000 / ms }')"
  put autoassign_cpu_ms_per_1000 "$(per_k $(( $(cpu_ms) - c0 )) "$a")"
  log "auto-assign: $a targets in $(grep '^autoassign_s' "$res" | cut -d' ' -f2-) s"
  put heap_after_autoassign_mib "$(heap)"
  fi

  if [[ " $STEPS " == *" cleanup "* ]]; then
  # Action cleanup of the seeded finished actions.
  local young
  young=$(sql "$db" -e "SELECT COUNT(*) FROM action WHERE created_by <> 'fleet-cleanup'")
  c0=$(cpu_ms)
  t0=$(now_ms)
  api -X PUT "$H/rest/v1/system/configs" \
    -d '{"action.cleanup.auto.status": "FINISHED", "action.cleanup.enabled": true}' >/dev/null
  ms=$(wait_count "$db" "$t0" 1 "SELECT COUNT(*) = 0 FROM action WHERE created_by = 'fleet-cleanup'")
  put cleanup_actions "$cleanup"
  put cleanup_s "$( [ "$ms" = timeout ] && echo timeout || secs "$ms")"
  put cleanup_per_s "$( [ "$ms" = timeout ] && echo - || awk -v c="$cleanup" -v ms="$ms" 'BEGIN { printf "%.0f", c * 1000 / ms }')"
  put cleanup_cpu_ms_per_1000 "$(per_k $(( $(cpu_ms) - c0 )) "$cleanup")"
  put cleanup_kept "$(sql "$db" -e "SELECT COUNT(*) FROM action WHERE created_by <> 'fleet-cleanup'") of $young"
  # "Deleted X closed actions of tenant T in B batches of at most S, longest L ms": one line per run.
  put cleanup_batches "$(grep -o 'in [0-9]* batches' "$OUT/server-$n.log" | awk '{ s += $2 } END { print s + 0 }')"
  put cleanup_batch_size "$(grep -o 'batches of at most [0-9]*' "$OUT/server-$n.log" | awk '{ print $5 }' | sort -n | tail -1)"
  put cleanup_longest_lock_ms "$(grep -o 'longest [0-9]* ms' "$OUT/server-$n.log" | awk '{ print $2 }' | sort -n | tail -1)"
  log "cleanup: $cleanup actions in $(grep '^cleanup_s' "$res" | cut -d' ' -f2) s"
  put heap_after_cleanup_mib "$(heap)"
  fi
  put load "$(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server
  { echo "| measure | N = $n |"; echo "|---|---|"; awk '{ k = $1; $1 = ""; sub(/^ /, ""); printf "| %s | %s |\n", k, $0 }' "$res"; } \
    | tee "$OUT/table-$n.md"
}

for n in "$@"; do
  measure "$n"
done

{
  printf '| measure |'; for n in "$@"; do printf ' %s |' "$n"; done; echo
  printf '|---|'; for _ in "$@"; do printf -- '---|'; done; echo
  awk '{ print $1 }' "$OUT/results-$1.txt" | while read -r key; do
    printf '| %s |' "$key"
    for n in "$@"; do printf ' %s |' "$(awk -v k="$key" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$OUT/results-$n.txt")"; done
    echo
  done
} | tee "$OUT/table.md"
