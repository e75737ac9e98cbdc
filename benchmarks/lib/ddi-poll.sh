# Shared parts of the DDI poll benchmarks (sourced by benchmarks/ddi-poll.sh and benchmarks/cluster-poll.sh):
# seeding targets with tokens (ddi-poll.sh seeds its own: it may poll deploymentBase), the wrk script that cycles
# over them, and reading a server's counters.

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install -y $tool" >&2; exit 1; }
  done
}

# wait_healthy URL PID LOG: until URL/actuator/health answers 200; prints the log and fails if PID exits first.
wait_healthy() {
  until curl -sf "$1/actuator/health" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { cat "$3"; return 1; }
    sleep 1
  done
}

# seed_targets URL COUNT DIR: creates COUNT targets bench-0.. through the Management API and writes their controller
# ids and security tokens to DIR/tokens.lua, and the wrk script cycling over them to DIR/poll.lua.
seed_targets() {
  local url=$1 count=$2 dir=$3 batch body
  {
    echo "tokens = {"
    for ((batch = 0; batch < count; batch += 100)); do
      body=$(seq $batch $((batch + 99 < count - 1 ? batch + 99 : count - 1)) \
        | jq -R '{controllerId: ("bench-" + .), name: ("bench-" + .)}' | jq -s .)
      curl -sf -u admin:admin -H 'Content-Type: application/json' "$url/rest/v1/targets" -d "$body" \
        | jq -r '.[] | "  {\"" + .controllerId + "\", \"" + .securityToken + "\"},"'
    done
    echo "}"
  } > "$dir/tokens.lua"
  write_poll_script "$dir"
}

# write_poll_script DIR: the wrk script cycling over DIR/tokens.lua, to DIR/poll.lua.
write_poll_script() {
  local dir=$1
  cat > "$dir/poll.lua" <<LUA
dofile("$dir/tokens.lua")
local counter = 0
request = function()
  counter = counter + 1
  local t = tokens[(counter % #tokens) + 1]
  return wrk.format("GET", "/DEFAULT/controller/v1/" .. t[1],
    { ["Authorization"] = "TargetToken " .. t[2], ["Accept"] = "application/hal+json" })
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.3f %.3f %d %d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout))
end
LUA
}

# warm_caches URL DIR: polls every target of DIR/tokens.lua once through URL (8 at a time): a node's caches then
# hold every target, whatever the machine's load (a timed warm-up at a few polls/s leaves most of them cold).
warm_caches() {
  sed -n 's/^  {"\([^"]*\)", "\([^"]*\)"},$/\1 \2/p' "$2/tokens.lua" \
    | xargs -P 8 -L 1 sh -c 'curl -s -o /dev/null -H "Authorization: TargetToken $2" "$0/DEFAULT/controller/v1/$1"' "$1"
}

# poll URL CONNECTIONS SECONDS DIR: one wrk run over DIR/poll.lua; prints "requests micros p50_ms p99_ms failed
# timeouts": failed = non-2xx answers and connection errors, timeouts = no answer within WRK_TIMEOUT (default 10 s;
# wrk's own 2 s counts a slow poll on a loaded machine as lost).
poll() {
  wrk -t2 -c"$2" -d"${3}s" --timeout "${WRK_TIMEOUT:-10}s" -s "$4/poll.lua" "$1" | grep '^RESULT' | cut -d' ' -f2-
}

# cpu_ticks PID: user + system clock ticks the process has used (/proc/PID/stat).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# metric_tag_values URL NAME TAG: the values a metric's TAG has taken so far.
metric_tag_values() {
  curl -sf -u admin:admin "$1/actuator/metrics/$2" | jq -r --arg t "$3" '.availableTags[] | select(.tag == $t) | .values[]' \
    || true
}

# metric URL NAME [TAG]: a counter of the server's /actuator/metrics (0 while it has never been incremented).
metric() {
  local value
  value=$(curl -sf -u admin:admin "$1/actuator/metrics/$2${3:+?tag=$3}" | jq '.measurements[0].value') || true
  echo "${value:-0}"
}
