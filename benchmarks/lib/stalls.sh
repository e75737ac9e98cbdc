# Machine stalls: how late a thread of the highest real-time priority, pinned to each CPU and woken every 1 ms,
# actually runs (cyclictest from Debian's rt-tests). Such a thread waits for nothing in the guest, so a wake-up that
# is milliseconds late means the CPU did not run it: the hypervisor did not run the virtual CPU, or the kernel did not
# give way (these machines' kernels run without preemption: "Dynamic Preempt: none" in the boot log).
# Sourced by the benchmarks that take STALLS=1; stalls_summary and stalls_match read what stalls_start recorded.

STALLS_THRESHOLD_US=${STALLS_THRESHOLD_US:-2000}

stalls_start() { # $1: file for cyclictest's output
  if ! command -v cyclictest >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get install -y -q rt-tests >/dev/null
    else
      echo "STALLS: cyclictest missing (apt-get install rt-tests)" >&2
      return 1
    fi
  fi
  STALLS_FILE=$1
  # -q: only the final statistics and the spikes; -h: a histogram in µs up to 60 ms; -m: no paging; -D: an hour at
  # most, and stopped with the script in any case, so no real-time thread outlives a failed run.
  cyclictest -q -m -a -t "$(nproc)" -p 99 -i 1000 -D 3600 -h 60000 --spike="$STALLS_THRESHOLD_US" \
    --spike-nodes=100000 >"$STALLS_FILE" 2>&1 &
  STALLS_PID=$!
  trap stalls_stop EXIT
}

stalls_stop() {
  kill -INT "$STALLS_PID" 2>/dev/null || true
  wait "$STALLS_PID" 2>/dev/null || true
}

# One line: wake-ups recorded, how many were late by 1, 5 and 10 ms or more, the latest, and how many spikes over
# the threshold hit every CPU within 1 ms of each other (the whole machine stood still).
stalls_summary() {
  # the spikes last and in time order, so that a group of spikes within 1000 µs covering every CPU reads as one stall
  { grep -v 'Spike:' "$STALLS_FILE"; grep 'Spike:' "$STALLS_FILE" | sort -k6,6n; } | awk -v cpus="$(nproc)" -v thr="$STALLS_THRESHOLD_US" '
    /^[0-9]+[ \t]/ { for (i = 2; i <= NF; i++) { n += $i; if ($1 >= 1000) a += $i; if ($1 >= 5000) b += $i; if ($1 >= 10000) c += $i } }
    /^# Max Latencies:/ { for (i = 4; i <= NF; i++) if ($i + 0 > max) max = $i + 0 }
    /Spike:/ { ts[++k] = $(NF) + 0; cpu[k] = $2 + 0 }
    END {
      for (i = 1; i <= k; i++) { delete seen; m = 0; for (j = i; j <= k && ts[j] - ts[i] <= 1000; j++) if (!(cpu[j] in seen)) { seen[cpu[j]] = 1; m++ } if (m == cpus) { whole++; i = j - 1 } }
      printf "machine: %d wake-ups of a real-time thread on %d CPUs, late >= 1 ms: %d, >= 5 ms: %d, >= 10 ms: %d, max %.1f ms; stalls over %.1f ms: %d, of them on every CPU at once: %d\n", n, cpus, a, b, c, max / 1000, thr / 1000, k, whole
    }'
}

# Reads "SLOW ... monotonic S s, latency L ms" lines on stdin and counts those whose flight [S, S + L] overlaps a
# recorded stall (a spike of D µs reported at T µs stood from T - D to T). For comparison, the same flights moved by
# 200 offsets spread over ±3 s: how often a flight of those lengths overlaps a stall by chance around that time.
stalls_match() {
  awk -v stalls="$STALLS_FILE" '
    function hits(offset,   i, j, h) {
      for (i = 1; i <= slow; i++) for (j = 1; j <= k; j++)
        if (stop[j] - dur[j] <= sent[i] + offset + flight[i] && stop[j] >= sent[i] + offset) { h++; break }
      return h
    }
    BEGIN { while ((getline line < stalls) > 0) if (line ~ /Spike:/) { n = split(line, w, " "); dur[++k] = (w[4] + 0) / 1e6; stop[k] = w[n] / 1e6 } }
    /monotonic/ { slow++; for (i = 1; i <= NF; i++) { if ($i == "monotonic") sent[slow] = $(i + 1) + 0; if ($i == "latency") flight[slow] = $(i + 1) / 1000 } }
    END {
      for (o = 1; o <= 200; o++) { shift = -3 + 6 * o / 200; if (shift < -0.1 || shift > 0.1) { chance += hits(shift); tries += slow } }
      printf "slow events whose flight overlaps a machine stall: %d of %d (the same flights moved by up to 3 s: %.0f %%)\n", hits(0), slow, tries ? 100 * chance / tries : 0
    }'
}

# After the run: stops the recording, prints the summary and matches the "SLOW" lines of the benchmark's output file.
stalls_report() {
  stalls_stop
  stalls_summary
  { grep '^SLOW' "$1" || true; } | stalls_match
}
