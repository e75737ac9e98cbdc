#!/usr/bin/env bash
# DDI download benchmark per artifact store and download mode. One node on embedded H2; per size, one software module
# with a random artifact of that many MB, assigned to `devices` targets. Then `concurrency` devices at a time do what a
# device does: poll, fetch deploymentBase, GET the artifact through the link given there (whole file), then a Range
# GET of its second half through the same link. Modes (one node start each):
#   filesystem    the node streams the file from its directory
#   s3            the node streams the object from S3 (ranged GETs), hawkbit.artifact.storage.type=s3
#   s3-presigned  the link is a pre-signed S3 URL (s3.presigned-downloads): the device downloads from S3 directly,
#                 without its token
#   s3-redirect   the link is the node's; its GET answers 307 to a pre-signed S3 URL (s3.presigned-redirects), which
#                 the device follows (curl does not send the token to another host)
# S3 is npm's s3rver on this machine ($S3RVER, or ~/.cache/hawkbit-test/s3rver as .ci/run installs it), started and
# stopped here. Before measuring, one device's downloads are checked byte for byte (SHA-1) and one round of
# `concurrency` devices warms up (it also lets the node hash the file once, as it does before a file's first download).
# Prints per mode and size: MB/s and downloads/s over the whole run (polls and deploymentBase included), p50/p99 of one
# download (curl's time_total, the redirect included), node and s3rver CPU ms per MB delivered (process ticks),
# node RSS before and after the run and its peak (VmHWM), failed downloads (status or size wrong), load average.
#   [MODES="filesystem s3 s3-presigned s3-redirect"] [SIZES="8 64"] [JAR=...] [PORT=19200] [S3_PORT=19201]
#   benchmarks/ddi-download.sh [devices=24] [concurrency=8]
set -euo pipefail
cd "$(dirname "$0")/.."

DEVICES=${1:-24}
CONCURRENCY=${2:-8}
MODES=${MODES:-filesystem s3 s3-presigned s3-redirect}
SIZES=${SIZES:-8 64}
PORT=${PORT:-19200}
S3_PORT=${S3_PORT:-19201}
JAR=${JAR:-hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar}
S3RVER=${S3RVER:-$HOME/.cache/hawkbit-test/s3rver/node_modules/.bin/s3rver}
BUCKET=hawkbit-artifacts
H=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
TICK=$(getconf CLK_TCK)

command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }
[ -x "$S3RVER" ] || { echo "s3rver is needed: npm install --prefix ~/.cache/hawkbit-test/s3rver s3rver@3.7.1" >&2; exit 1; }
[ -f "$JAR" ] || { echo "No $JAR: ./mvnw -B -q package -DskipTests" >&2; exit 1; }

PID=
S3PID=
stop_node() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi
}
cleanup() {
  stop_node
  if [ -n "$S3PID" ]; then kill "$S3PID" 2>/dev/null || true; wait "$S3PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/s3"
"$S3RVER" -s -d "$WORK/s3" -a 127.0.0.1 -p "$S3_PORT" --no-vhost-buckets --configure-bucket "$BUCKET" \
  > "$WORK/s3rver.log" 2>&1 &
S3PID=$!
S3_ARGS="--hawkbit.artifact.storage.type=s3 --hawkbit.artifact.storage.s3.bucket=$BUCKET
  --hawkbit.artifact.storage.s3.endpoint=http://127.0.0.1:$S3_PORT --hawkbit.artifact.storage.s3.path-style=true
  --hawkbit.artifact.storage.s3.access-key=S3RVER --hawkbit.artifact.storage.s3.secret-key=S3RVER"

start_node() {
  local args
  case "$1" in
    filesystem) args="--hawkbit.artifact.storage.path=$WORK/artifacts" ;;
    s3) args="$S3_ARGS" ;;
    s3-presigned) args="$S3_ARGS --hawkbit.artifact.storage.s3.presigned-downloads=true" ;;
    s3-redirect) args="$S3_ARGS --hawkbit.artifact.storage.s3.presigned-redirects=true" ;;
    *) echo "Unknown mode $1 (filesystem, s3, s3-presigned, s3-redirect)" >&2; exit 1 ;;
  esac
  # shellcheck disable=SC2086
  "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN $args ${SERVER_ARGS:-} \
    > "$WORK/server-$1.log" 2>&1 &
  PID=$!
  until curl -sf "$H/actuator/health" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server-$1.log"; exit 1; }
    sleep 1
  done
}

mgmt() { curl -sf -u admin:admin -H 'Content-Type: application/json' "$@"; }

# Creates the module, set and targets for one size; writes "controllerId token" lines to $WORK/devices-<size>.
seed() {
  local size=$1 file=$WORK/artifact-$1.bin module dist
  [ -f "$file" ] || head -c $((size * 1024 * 1024)) /dev/urandom > "$file"
  module=$(mgmt "$H/rest/v1/softwaremodules" -d "[{\"name\": \"dl-$size\", \"version\": \"1\", \"type\": \"os\"}]" | jq '.[0].id')
  curl -sf -u admin:admin -F "file=@$file;filename=update-$size.bin" "$H/rest/v1/softwaremodules/$module/artifacts" >/dev/null
  dist=$(mgmt "$H/rest/v1/distributionsets" \
    -d "[{\"name\": \"dl-$size\", \"version\": \"1\", \"type\": \"os\", \"modules\": [{\"id\": $module}]}]" | jq '.[0].id')
  : > "$WORK/devices-$size"
  for ((batch = 0; batch < DEVICES + CONCURRENCY + 1; batch += 100)); do
    body=$(seq $batch $((batch + 99 < DEVICES + CONCURRENCY ? batch + 99 : DEVICES + CONCURRENCY)) \
      | jq -R "{controllerId: (\"dl-$size-\" + .), name: (\"dl-$size-\" + .)}" | jq -s .)
    mgmt "$H/rest/v1/targets" -d "$body" | jq -r '.[] | .controllerId + " " + .securityToken' >> "$WORK/devices-$size"
    mgmt "$H/rest/v1/distributionsets/$dist/assignedTargets" -d "$(jq '[.[] | {id: .controllerId, type: "forced"}]' <<< "$body")" >/dev/null
  done
}

# One device: poll, deploymentBase, the whole file, the second half. Prints "full|range status bytes seconds" lines.
# The token goes only to the node (a device configured for pre-signed links does not send it to S3).
cat > "$WORK/device.sh" <<'SH'
#!/usr/bin/env bash
H=$1 SIZE=$2 CID=$3 TOKEN=$4 SAVE=${5:-/dev/null} SAVE_RANGE=${5:+$5.range}
auth=(-H "Authorization: TargetToken $TOKEN")
fail() { echo "full 000 0 0"; echo "range 000 0 0"; exit 0; }
base=$(curl -sf "${auth[@]}" "$H/DEFAULT/controller/v1/$CID" | jq -r '._links.deploymentBase.href // empty') || fail
[ -n "$base" ] || fail
link=$(curl -sf "${auth[@]}" "$base" | jq -r '.deployment.chunks[0].artifacts[0]._links["download-http"].href // empty') || fail
[ -n "$link" ] || fail
[[ $link == "$H"/* ]] || auth=()
half=$((SIZE / 2))
echo "full $(curl -s -L "${auth[@]}" -o "$SAVE" -w '%{http_code} %{size_download} %{time_total}' "$link")"
echo "range $(curl -s -L "${auth[@]}" -H "Range: bytes=$half-" -o "${SAVE_RANGE:-/dev/null}" -w '%{http_code} %{size_download} %{time_total}' "$link")"
SH
chmod +x "$WORK/device.sh"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
kib() { awk -v k="$2" '$1 == k ":" {print $2}' "/proc/$1/status"; }

printf '%-13s %5s %7s %4s %8s %6s %17s %17s %10s %10s %19s %6s %s\n' mode MB devices conc 'MB/s' 'dl/s' \
  'full p50/p99 s' 'range p50/p99 s' 'node ms/MB' 's3 ms/MB' 'RSS before/after/peak' failed load
for mode in $MODES; do
  start_node "$mode"
  for size in $SIZES; do
    bytes=$((size * 1024 * 1024))
    seed "$size"
    mapfile -t devices < "$WORK/devices-$size"
    # Checked device: the bytes of both downloads against the uploaded file.
    read -r cid token <<< "${devices[0]}"
    "$WORK/device.sh" "$H" "$bytes" "$cid" "$token" "$WORK/check.bin" > "$WORK/check.txt"
    cmp -s "$WORK/check.bin" "$WORK/artifact-$size.bin" && cmp -s "$WORK/check.bin.range" <(tail -c +$((bytes / 2 + 1)) "$WORK/artifact-$size.bin") \
      || { echo "$mode $size MB: downloaded bytes differ from the artifact: $(tr '\n' ' ' < "$WORK/check.txt")" >&2; tail -n 30 "$WORK/server-$mode.log" >&2; exit 1; }
    rm -f "$WORK/check.bin" "$WORK/check.bin.range"
    printf '%s\n' "${devices[@]:1:CONCURRENCY}" | xargs -P "$CONCURRENCY" -L 1 "$WORK/device.sh" "$H" "$bytes" > /dev/null
    load0=$(cut -d' ' -f1 /proc/loadavg)
    node0=$(ticks "$PID"); s30=$(ticks "$S3PID"); rss0=$(kib "$PID" VmRSS)
    t0=$(date +%s.%N)
    printf '%s\n' "${devices[@]:CONCURRENCY+1}" | xargs -P "$CONCURRENCY" -L 1 "$WORK/device.sh" "$H" "$bytes" > "$WORK/run.txt"
    t1=$(date +%s.%N)
    node1=$(ticks "$PID"); s31=$(ticks "$S3PID"); rss1=$(kib "$PID" VmRSS); peak=$(kib "$PID" VmHWM)
    load1=$(cut -d' ' -f1 /proc/loadavg)
    for kind in full range; do
      awk -v k="$kind" '$1 == k && ($2 == 200 || $2 == 206) {print $4}' "$WORK/run.txt" | sort -n > "$WORK/times-$kind"
    done
    awk -v mode="$mode" -v size="$size" -v n="$DEVICES" -v conc="$CONCURRENCY" -v bytes="$bytes" -v secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" \
        -v n0="$node0" -v n1="$node1" -v s0="$s30" -v s1="$s31" -v tick="$TICK" -v rss0="$rss0" -v rss1="$rss1" -v peak="$peak" \
        -v loadavg="$load0..$load1" -v full="$WORK/times-full" -v range="$WORK/times-range" '
      function pct(file, q,   v, c, i) { c = 0; while ((getline v < file) > 0) a[++c] = v; close(file)
        if (c == 0) return "-"; i = int(q * c + 0.999999); if (i < 1) i = 1; return sprintf("%.2f", a[i]) }
      $1 == "full" { ok = $2 == 200 && $3 == bytes }
      $1 == "range" { ok = $2 == 206 && $3 == bytes - int(bytes / 2) }
      { total += $3; if (ok) done++; else failed++ }
      END {
        mb = total / 1048576
        s3 = mode == "filesystem" ? "-" : sprintf("%.1f", (s1 - s0) * 1000 / tick / mb)
        printf "%-13s %5d %7d %4d %8.1f %6.1f %8s/%-8s %8s/%-8s %10.2f %10s %7d/%5d/%5d MiB %6d %s\n", mode, size, n, conc,
          mb / secs, (done + failed) / secs, pct(full, 0.5), pct(full, 0.99), pct(range, 0.5), pct(range, 0.99),
          (n1 - n0) * 1000 / tick / mb, s3, rss0 / 1024, rss1 / 1024, peak / 1024, failed, loadavg
      }' "$WORK/run.txt"
  done
  stop_node
done
