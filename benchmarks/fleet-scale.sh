#!/usr/bin/env bash
# Fleet-scale benchmark (#17): does a node's cost stay flat as the fleet grows? For each N it creates a fresh MariaDB
# database fleet_<N>, lets the server's Flyway create the schema (one start on the empty database), seeds N targets
# with attributes, tags, actions and a spread of last polls by SQL (benchmarks/fleet-seed.sql, see its header), starts
# one node on it (no broker) and measures:
#   - server CPU per DDI base poll, wrk cycling over 10,000 random devices (as benchmarks/ddi-poll.sh);
#   - p50/p99 of GET /rest/v1/targets?limit=50&sort=name:ASC with q on a controllerId prefix, updateStatus, a tag, an
#     attribute, lastControllerRequestAt=lt=, and without q at an offset 90 % deep (sequential requests);
#   - the counts the console's dashboard shows (total, per update status, overdue) as REST totals (limit=1);
#   - rollout creation over min(N, 100,000) targets in 10 groups, until the rollout is ready;
#   - the overdue scheduler marking the seeded backlog (15 % of polled targets), at OVERDUE_PERIOD per batch;
#   - and states the MariaDB's innodb_buffer_pool_size and the database's size (buffer_pool_mib, db_mib): with a pool
#     smaller than the fleet's data every 1M scan reads from disk.
# Then prints a table of the figures per N with the growth factor against the first N.
#
#   benchmarks/fleet-scale.sh 10000 100000 [1000000]
#
# Environment (defaults in brackets): DB_HOST [127.0.0.1], DB_PORT [3306], DB_USER [root], DB_PASSWORD [] (needs
# CREATE/DROP DATABASE); PORT [random 20000-39999]; JAR [the update server's jar]; JAVA_OPTS [-Xmx768m -XX:+UseSerialGC];
# WARMUP [60] and DURATION [30] seconds of wrk, CONNECTIONS [16]; QUERY_WARMUP [20] seconds of the list queries round
# robin after the polls (first_query_ms is the first one's time); REQS [100] requests per list query after WARM_REQS
# [3] unmeasured ones, at most QUERY_SECONDS [40] per query and MAX_TIME [120] seconds per request (a request that
# takes longer is reported as "timeout" and ends that query's measurement); OVERDUE_PERIOD [2s] and OVERDUE_WAIT [60]
# seconds; SKIP_SEED=1 reuses fleet_<N> (the server's Flyway still applies new migrations: re-measure after adding an
# index), writing the seed's poll times again (from each target's number, as fleet-seed.sql does, relative to now) and
# clearing the overdue marks, so the 85/15 split and the overdue backlog are the seeded ones again after any run;
# OUT [target/fleet-scale]; DB_PREFIX [fleet_] names the databases (<DB_PREFIX><N>); SEED_ONLY=1 creates and seeds
# them, measures nothing (for other fleet benchmarks);
# OVERDUE_AGE=1 ages every poll time by a day before the node starts, so the overdue step times a pass over the whole
# polled fleet (~97 % of N) rather than the seeded 15 % (the scheduler's runs log their marks and time at INFO).
# SERVER_ARGS: more arguments for the node (e.g. --hawkbit.scheduler.overdue.batch-size=5000).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { sed -n '2,20p' "$0"; exit 1; }
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
JAR=${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m -XX:+UseSerialGC}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-16}
REQS=${REQS:-100}
WARM_REQS=${WARM_REQS:-3}
QUERY_WARMUP=${QUERY_WARMUP:-20}
QUERY_SECONDS=${QUERY_SECONDS:-40}
MAX_TIME=${MAX_TIME:-120}
OVERDUE_PERIOD=${OVERDUE_PERIOD:-2s}
OVERDUE_WAIT=${OVERDUE_WAIT:-60}
OUT=${OUT:-target/fleet-scale}
DB_PREFIX=${DB_PREFIX:-fleet_}
H=http://127.0.0.1:$PORT
AUTH=admin:admin

LOG_NAME=fleet
# shellcheck source=benchmarks/lib/fleet.sh
. benchmarks/lib/fleet.sh
# shellcheck source=benchmarks/lib/ddi-poll.sh
. benchmarks/lib/ddi-poll.sh
fleet_init wrk jq curl mysql
mkdir -p "$OUT"

# The node as measured: the overdue scheduler's period is part of the measurement.
start_node() {
  start_server "$1" "$2" --hawkbit.scheduler.overdue.period="$OVERDUE_PERIOD" --logging.level.root=WARN \
    --logging.level.io.hawkbit.repository.target.OverdueScheduler=INFO
}

# Sequential requests to one URL: "n p50 p99 max short" in ms, or "0 timeout timeout timeout 0" when a request took
# longer than MAX_TIME seconds (the query goes on in the database until it ends); any other non-200 answer aborts.
# short counts the answers whose page held fewer rows than their total promised (min(limit, total - offset)): a
# wrong answer, however fast.
timed() {
  local url=$1 i=0 short=0 deadline code time limit offset rows total
  limit=$(sed -n 's/.*[?&]limit=\([0-9]*\).*/\1/p' <<<"$url")
  offset=$(sed -n 's/.*[?&]offset=\([0-9]*\).*/\1/p' <<<"$url")
  offset=${offset:-0}
  : >"$WORK/times"
  for _ in $(seq "$WARM_REQS"); do
    code=$(curl -s -o /dev/null -m "$MAX_TIME" -u "$AUTH" -w '%{http_code}' "$H$url" || true)
    [ "$code" = 000 ] && { echo "0 timeout timeout timeout 0"; return; }
  done
  deadline=$(( $(date +%s) + QUERY_SECONDS ))
  while [ $i -lt "$REQS" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    read -r code time < <(curl -s -o "$WORK/body" -m "$MAX_TIME" -u "$AUTH" -w '%{http_code} %{time_total}\n' "$H$url" || true)
    [ "$code" = 000 ] && { echo "0 timeout timeout timeout $short"; return; }
    [ "$code" = 200 ] || { echo "GET $url answered $code: $(head -c 400 "$WORK/body")" >&2; exit 1; }
    echo "$time" >>"$WORK/times"
    read -r rows total < <(jq -r '"\(.content | length) \(.total)"' "$WORK/body")
    [ "$rows" -lt "$(( total - offset < limit ? (total - offset > 0 ? total - offset : 0) : limit ))" ] && short=$((short + 1))
    i=$((i + 1))
  done
  sort -g "$WORK/times" | awk -v short="$short" '{ t[NR] = $1 * 1000 } END {
    p99 = int(NR * 0.99 + 0.999); if (p99 < 1) p99 = 1
    printf "%d %.1f %.1f %.1f %d\n", NR, t[int((NR + 1) / 2)], t[p99], t[NR], short }'
}

measure() {
  local n=$1 db=$DB_PREFIX$1 res=$OUT/results-$1.txt age_ms=0
  [ "${OVERDUE_AGE:-0}" = 1 ] && age_ms=86400000
  : >"$res"
  put() { echo "$1 $2" >>"$res"; }
  if [ "${SKIP_SEED:-0}" != 1 ]; then
    log "$db: fresh database, schema by the server's Flyway"
    sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4"
    start_node "$db" "$OUT/server-$n-schema.log"
    stop_server
    log "seeding $n targets"
    local t0
    t0=$(now_ms)
    sed "s/__N__/$n/g" benchmarks/fleet-seed.sql | sql "$db" >/dev/null
    put seed_s "$(awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN { printf "%.1f", ms / 1000 }')"
    log "seeded in $(grep '^seed_s' "$res" | cut -d' ' -f2) s: $(sql "$db" -e "SELECT CONCAT((SELECT COUNT(*) FROM target),
      ' targets, ', (SELECT COUNT(*) FROM target_attributes), ' attributes, ', (SELECT COUNT(*) FROM target_target_tag),
      ' tag links, ', (SELECT COUNT(*) FROM action), ' actions')")"
    [ "${SEED_ONLY:-0}" = 1 ] && return
  else
    local t0
    t0=$(now_ms)
    # The seed's poll times again, computed from each target's number as fleet-seed.sql does, with now as the seed's
    # time: whatever earlier runs did to them (polls, OVERDUE_AGE) is undone. With OVERDUE_AGE=1 a day older: every
    # polled target is overdue (~97 % of the fleet).
    sql "$db" -e "SET @now = CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) - $age_ms;
      UPDATE target SET overdue_since = 0, last_target_query = CASE
          WHEN CRC32(CONCAT('s', CAST(SUBSTRING(controller_id, 7) AS UNSIGNED))) % 100 < 3 THEN NULL
          WHEN CRC32(CONCAT('p', CAST(SUBSTRING(controller_id, 7) AS UNSIGNED))) % 100 < 85
            THEN @now - CRC32(CONCAT('t', CAST(SUBSTRING(controller_id, 7) AS UNSIGNED))) % 300000
          ELSE @now - 600000 - CRC32(CONCAT('t', CAST(SUBSTRING(controller_id, 7) AS UNSIGNED))) % 2592000000 END
       WHERE tenant = 'DEFAULT' AND controller_id LIKE 'fleet-%'"
    log "$db reused: the seed's poll times restored (aged by $age_ms ms), overdue marks cleared in $(( ($(now_ms) - t0) / 1000 )) s"
  fi
  if [ "${SKIP_SEED:-0}" != 1 ] && [ "$age_ms" -gt 0 ]; then
    sql "$db" -e "UPDATE target SET last_target_query = last_target_query - $age_ms WHERE last_target_query IS NOT NULL"
    log "$db: every poll time aged by $age_ms ms"
  fi
  # The poll times were just written behind the overdue scheduler's walk (V1_23's cursor, moved by the schema start or
  # an earlier run): it starts from the beginning again, as on a new database.
  if [ "$(sql "$db" -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$db'
      AND table_name = 'overdue_cursor'")" = 1 ]; then
    sql "$db" -e "DELETE FROM overdue_cursor"
  fi
  local backlog
  backlog=$(sql "$db" -e "SELECT COUNT(*) FROM target WHERE COALESCE(overdue_since, 0) = 0
    AND last_target_query < CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) - 600000")
  start_node "$db" "$OUT/server-$n.log"
  local pid=$PID tick
  tick=$(getconf CLK_TCK)

  # Overdue: the scheduler marks at most batch-size (1,000) targets per run; runs every OVERDUE_PERIOD here.
  local t0 marked=0
  t0=$(now_ms)
  while [ $(( ($(now_ms) - t0) / 1000 )) -lt "$OVERDUE_WAIT" ]; do
    # The kept count (V1_21): a COUNT(*) of the marks reads the whole table since V1_23 dropped ix_target_overdue.
    marked=$(sql "$db" -e "SELECT COALESCE(SUM(n), 0) FROM target_count WHERE kind = 'overdue'")
    [ "$marked" -ge "$backlog" ] && break
    sleep 2
  done
  local overdue_ms=$(( $(now_ms) - t0 ))
  put overdue_backlog "$backlog"
  put overdue_marked "$marked"
  put overdue_rate "$(awk -v m="$marked" -v ms="$overdue_ms" 'BEGIN { printf "%.0f", m * 1000 / ms }')"
  log "overdue: $marked of $backlog marked in $((overdue_ms / 1000)) s"
  # The scheduler's own account of its runs so far (the jar's INFO line): marks per second of run time, longest batch.
  local runs
  runs=$(grep -o 'Marked [0-9]* targets .* in [0-9]* batches, [0-9]* ms.*longest batch [0-9]* ms' "$OUT/server-$n.log" \
    | awk '{ m += $2; for (i = 1; i <= NF; i++) { if ($(i + 1) == "batches,") { b += $i; t += $(i + 2) }
        if ($i == "longest") { l = $(i + 2) > l ? $(i + 2) : l } } }
      END { if (t > 0) printf "%d %d %.0f %d", m, b, m * 1000 / t, l }')
  if [ -n "$runs" ]; then
    read -r rm rb rr rl <<<"$runs"
    put overdue_run_marks_per_s "$rr"
    put overdue_longest_batch_ms "$rl"
    log "overdue runs so far: $rm marked in $rb batches, $rr per second of run time, longest batch $rl ms"
  fi

  # DDI base polls over 10,000 random devices.
  sql "$db" -e "SELECT CONCAT('  {\"', controller_id, '\", \"', security_token, '\"},') FROM target
    WHERE tenant = 'DEFAULT' AND RAND() < 12000 / $n LIMIT 10000" | { echo "tokens = {"; cat; echo "}"; } >"$WORK/tokens.lua"
  write_poll_script "$WORK"
  log "polls: warm-up $WARMUP s, then $DURATION s"
  poll "$H" "$CONNECTIONS" "$WARMUP" "$WORK" >/dev/null
  local c0 c1 requests micros p50 p99 failed timeouts
  c0=$(cpu_ticks "$pid")
  read -r requests micros p50 p99 failed timeouts < <(poll "$H" "$CONNECTIONS" "$DURATION" "$WORK")
  c1=$(cpu_ticks "$pid")
  put poll_cpu_ms "$(awk -v c="$((c1 - c0))" -v t="$tick" -v r="$requests" 'BEGIN { printf "%.3f", c * 1000 / t / r }')"
  put poll_rps "$(awk -v r="$requests" -v us="$micros" 'BEGIN { printf "%.0f", r / (us / 1e6) }')"
  put poll_p99_ms "$p99"
  put poll_errors "$((failed + timeouts))"

  # Operator queries.
  local before=$(( $(now_ms) - 86400000 )) deep=$(( n * 9 / 10 ))
  local -a names=(q_prefix q_status q_tag q_attribute q_lastpoll deep_offset count_total count_pending count_overdue)
  local -a urls=(
    "/rest/v1/targets?limit=50&sort=name:ASC&q=controllerId==fleet-00012*"
    "/rest/v1/targets?limit=50&sort=name:ASC&q=updateStatus==error"
    "/rest/v1/targets?limit=50&sort=name:ASC&q=tag==tag-07"
    "/rest/v1/targets?limit=50&sort=name:ASC&q=attribute.region==eu-west"
    "/rest/v1/targets?limit=50&sort=name:ASC&q=lastControllerRequestAt=lt=$before"
    "/rest/v1/targets?limit=50&sort=name:ASC&offset=$deep"
    "/rest/v1/targets?limit=1"
    "/rest/v1/targets?limit=1&q=updateStatus==pending"
    "/rest/v1/targets?limit=1&q=overdue==true")
  local i first warm_end
  # The management path's warm-up, as the polls have theirs: a node that has served only polls compiles it (C2) while
  # it answers its first queries, for about ten seconds on two cores. The first query's time is kept apart.
  first=$(curl -s -o /dev/null -m "$MAX_TIME" -u "$AUTH" -w '%{time_total}' "$H${urls[0]}" | awk '{ printf "%.1f", $1 * 1000 }')
  put first_query_ms "$first"
  warm_end=$(( $(date +%s) + QUERY_WARMUP ))
  while [ "$(date +%s)" -lt "$warm_end" ]; do
    for i in "${!urls[@]}"; do curl -s -o /dev/null -u "$AUTH" -m "$MAX_TIME" "$H${urls[$i]}" || true; done
  done
  log "queries: first after the polls ${first} ms, then ${QUERY_WARMUP} s of warm-up round the list"
  for i in "${!names[@]}"; do
    read -r cnt q50 q99 qmax short < <(timed "${urls[$i]}")
    put "${names[$i]}_p99_ms" "$q99"
    put "${names[$i]}_p50_ms" "$q50"
    put "${names[$i]}_n" "$cnt"
    put "${names[$i]}_short_pages" "$short"
    log "${names[$i]}: n=$cnt p50=$q50 p99=$q99 max=$qmax ms short=$short  (${urls[$i]})"
  done

  # Rollout over min(N, 100,000) targets in 10 groups: creation until ready.
  local ds last body rid t1 status
  ds=$(sql "$db" -e "SELECT id FROM distribution_set WHERE name = 'fleet-os' AND version = '2.0'")
  last=$(( n < 100000 ? n : 100000 ))
  body=$(jq -n --arg name "fleet-$(date +%s)" --argjson ds "$ds" --arg q "controllerId=le=$(printf 'fleet-%07d' "$last")" \
    '{name: $name, distributionSetId: $ds, targetFilterQuery: $q, amountGroups: 10}')
  t1=$(now_ms)
  rid=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$H/rest/v1/rollouts" -d "$body" | jq -r .id)
  status=creating
  while [ "$status" = creating ] && [ $(( ($(now_ms) - t1) / 1000 )) -lt 300 ]; do
    status=$(curl -sf -u "$AUTH" "$H/rest/v1/rollouts/$rid" | jq -r .status)
    [ "$status" = creating ] && sleep 0.2
  done
  put rollout_create_s "$(awk -v ms=$(( $(now_ms) - t1 )) 'BEGIN { printf "%.1f", ms / 1000 }')"
  put rollout_targets "$(curl -sf -u "$AUTH" "$H/rest/v1/rollouts/$rid" | jq -r .totalTargets)"
  log "rollout over $last targets: $status after $(grep '^rollout_create_s' "$res" | cut -d' ' -f2) s"

  put rss_mib "$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
  put heap_used_mib "$(curl -sf -u "$AUTH" "$H/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | jq '.measurements[0].value / 1048576 | floor')"
  put load "$(cut -d' ' -f1-3 /proc/loadavg)"
  # Whether the fleet's indexes fit in memory decides the 1M figures (a 128 MiB pool reads every scan from disk).
  put buffer_pool_mib "$(sql -e "SELECT @@innodb_buffer_pool_size DIV 1048576")"
  put db_mib "$(sql -e "SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM information_schema.tables
    WHERE table_schema = '$db'")"
  stop_server
}

for n in "$@"; do
  measure "$n"
done
[ "${SEED_ONLY:-0}" = 1 ] && exit 0

# The table: one column per N, the growth factor of every later N against the first.
first=$1
{
  printf '| measure |'
  for n in "$@"; do printf ' %s |' "$n"; done
  for n in "${@:2}"; do printf ' ×%s/%s |' "$n" "$first"; done
  echo
  printf '|---|'; for _ in "$@" "${@:2}"; do printf -- '---|'; done; echo
  awk '{ print $1 }' "$OUT/results-$first.txt" | while read -r key; do
    printf '| %s |' "$key"
    for n in "$@"; do printf ' %s |' "$(awk -v k="$key" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$OUT/results-$n.txt")"; done
    base=$(awk -v k="$key" '$1 == k { print $2 }' "$OUT/results-$first.txt")
    for n in "${@:2}"; do
      v=$(awk -v k="$key" '$1 == k { print $2 }' "$OUT/results-$n.txt")
      printf ' %s |' "$(awk -v a="$base" -v b="$v" 'BEGIN { if (a + 0 > 0 && b ~ /^[0-9.]+$/) printf "%.2f", b / a; else print "-" }')"
    done
    echo
  done
} | tee "$OUT/table.md"
