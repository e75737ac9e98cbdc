#!/usr/bin/env bash
# Footprint benchmark: start time, memory and allocation of this server next to upstream hawkBit 0.3, in one run, on
# one machine, through the same harness (../shared/bench/upstream-hawkbit.sh: it starts a server on loopback with H2,
# waits for the first 200 of GET /rest/v1/targets, seeds N targets with target tokens). Then this script polls each
# server with wrk over DDI and reads the JVM's allocated bytes before and after (JvmAlloc.java, by attach). start_cpu_s is
# the server's CPU seconds (user + system) until the first 200: it moves far less with load than the wall-clock start.
#
#   [VARIANTS="hawkbit jar cds cds-c1 small"] [WARMUP=60] benchmarks/footprint.sh [targets=1000] [connections=64] [seconds=30]
#
# Variants (one line each, key=value):
#   hawkbit  upstream hawkBit 0.3.0M7 from its released jars (the harness downloads them once with Maven)
#   jar      this server, `java -jar` on the executable jar, JVM defaults
#   cds      this server extracted (`-Djarmode=tools extract`) with a class-data-sharing archive from a training run:
#            the launch docs/performance.md recommends
#   cds-c1   cds with the JIT's first tier only (-XX:TieredStopAtLevel=1): no profiling, no C2 compiles at start
#   small    cds plus the small-footprint setting of docs/performance.md (SMALL_OPTS, SMALL_ARGS; SMALL_ENV: variables
#            for its JVM, e.g. MALLOC_ARENA_MAX=2)
#   aot25    this server extracted, on JDK 25 (JAVA25) with its AOT cache (JEP 483/514/515) from the same kind of
#            training run: not in the default VARIANTS, since the product's JVM is 17
#   floor, floor-cds  the framework floor (benchmarks/FrameworkFloor.java): Spring Boot on this server's library
#            versions without persistence, broker, API docs, console or any code of ours, answering the harness with
#            fixed bodies; `java -jar` and the CDS launch. Its start and RSS bound what cutting our side could reach;
#            its polls mean nothing. Not in the default VARIANTS
#   floor-jpa, floor-jpa-cds  the framework floor plus the persistence stack as the server uses it (H2, Flyway,
#            Hibernate validating the schema, a Spring Data repository) for one table (benchmarks/FrameworkFloorJpa.java);
#            `java -jar` and the CDS launch
#   floor-jdbc, floor-jdbc-cds  the same table, migration and endpoints on Spring Data JDBC instead of JPA and
#            Hibernate (benchmarks/FrameworkFloorJdbc.java; its three jars, at the versions of our Spring Boot and
#            Spring Data, are fetched with Maven once)
# Env: HARNESS (path of upstream-hawkbit.sh), JAVA_OPTS (added to every variant), PORT (default 18090), MAPS_DIR (if set,
# <variant>.maps there gets our server's RSS by mapping kind at the end of the poll load: where RSS goes. NMT's summary is
# added when JAVA_OPTS has -XX:NativeMemoryTracking=summary: with the dynamic CDS archive it crashed JDK 17.0.15).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=${1:-1000}
CONNECTIONS=${2:-64}
DURATION=${3:-30}
WARMUP=${WARMUP:-60}
PORT=${PORT:-18090}
VARIANTS=${VARIANTS:-hawkbit jar cds cds-c1 small}
HARNESS=${HARNESS:-$(cd .. && pwd)/shared/bench/upstream-hawkbit.sh}
SMALL_OPTS=${SMALL_OPTS:--XX:+UseSerialGC -Xmx72m -Xmn12m -Xss512k -XX:-TieredCompilation -XX:CICompilerCount=1 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=32m -XX:TrimNativeHeapInterval=5000}
SMALL_ARGS=${SMALL_ARGS:---server.tomcat.threads.max=16}
SMALL_ENV=${SMALL_ENV:-MALLOC_ARENA_MAX=1}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=$PWD/hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d /tmp/footprint.XXXXXX)
H=http://127.0.0.1:$PORT

for tool in wrk java javac curl python3; do
  command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
[ -x "$HARNESS" ] || { echo "harness not found: $HARNESS (set HARNESS)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
javac -d "$WORK" benchmarks/JvmAlloc.java

PID=
# The server is the harness's child, not ours: wait until it is gone (graceful shutdown takes seconds), or the next
# variant finds its port still taken.
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    for _ in $(seq 1 300); do kill -0 "$PID" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$PID" 2>/dev/null || true
  fi
}
trap 'cleanup; rm -rf "$WORK"' EXIT

# The launches docs/performance.md documents: extract once, one training run that stops at onRefresh writes the
# archive (JDK 17's CDS) or cache (JDK 25's AOT cache: classes loaded and linked plus method profiles), then every
# start maps it. Arguments: directory under $WORK, java, the training's output option, the file it writes.
prepare() {
  local dir=$WORK/$1 java=$2 output=$3 file=$4
  [ -f "$dir/$file" ] && return
  [ -x "$(command -v "$java")" ] || { echo "java not found: $java (set JAVA25 for aot25)" >&2; exit 1; }
  "$java" -Djarmode=tools -jar "$JAR" extract --destination "$dir" > /dev/null
  # The JVM uses the archive only when the jar is named the same way as in its training run (the harness passes an
  # absolute path); otherwise it starts without it, with nothing but a warning in the server's output.
  (cd "$dir" && "$java" "$output=$file" -Dspring.context.exit=onRefresh \
    -jar "$dir/hawkbit-update-server-0.1.0-SNAPSHOT.jar" --server.port=0 --hawkbit.artifact.storage.path="$WORK/training" \
    --logging.level.root=WARN > "$dir.training.log" 2>&1) || { cat "$dir.training.log" >&2; exit 1; }
}
prepare_cds() { prepare cds java -XX:ArchiveClassesAtExit app.jsa; }
prepare_aot() { prepare aot "$JAVA25" -XX:AOTCacheOutput app.aot; }
# The floors' jars: our extracted libraries less our own modules, the broker stack, the API docs and the console
# (FLOOR_DROP), and for the plain floor also less persistence (JPA, Hibernate, Flyway and the Jackson 2 it reads its
# configuration with, JDBC, drivers, Spring Data: FLOOR_DROP_PERSISTENCE); a Class-Path manifest names the rest.
FLOOR_DROP='^(hawkbit-|rsql-parser|spring-integration-|amqp-client|spring-amqp|spring-rabbit|spring-boot-(amqp|integration|restclient|http-client)|spring-cloud-|spring-messaging|reactor-core|reactive-streams|springdoc-|swagger-|jackson-dataformat-yaml|jackson-datatype-joda|joda-time|snakeyaml|thymeleaf|spring-boot-thymeleaf|attoparser|unbescape|htmx|aspectjweaver|spring-aspects)'
FLOOR_DROP_PERSISTENCE='^(HikariCP|antlr4-runtime|byte-buddy|flyway-|h2-|hibernate-core|hibernate-models|jakarta\.(persistence|transaction)-api|mariadb-java-client|postgresql|spring-(boot-)?(data-|jdbc|orm|tx|jpa|hibernate|flyway|persistence|sql|transaction)|jackson-(core|databind|datatype-jsr310)-2\.)'
# Hibernate, JPA and what only they use (the JDBC floor's drop, on top of FLOOR_DROP).
FLOOR_DROP_JPA='^(hibernate-core|hibernate-models|jakarta\.persistence-api|byte-buddy|antlr4-runtime|spring-orm|spring-data-jpa|spring-boot-(data-jpa|jpa|hibernate)-)'
# Arguments: directory under $WORK, the main class's simple name, its package, the regular expressions of the
# libraries to leave out (|-joined), the directory of its Flyway migrations (or nothing), Maven artifacts to add
# (groupId:artifactId:version, space-separated).
prepare_floor() {
  local dir=$WORK/$1 main=$2 package=$3 drop=$4 migrations=${5:-} extra=${6:-}
  [ -f "$dir/floor.jar" ] && return
  java -Djarmode=tools -jar "$JAR" extract --destination "$dir/extracted" > /dev/null
  mkdir -p "$dir/lib" "$dir/classes"
  ls "$dir/extracted/lib" | grep -vE "$drop" | while read -r lib; do mv "$dir/extracted/lib/$lib" "$dir/lib/"; done
  for artifact in $extra; do
    ./mvnw -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$dir/lib" > "$dir.maven.log" 2>&1 ||
      { cat "$dir.maven.log" >&2; exit 1; }
  done
  local sources=benchmarks/FrameworkFloor.java
  [ "$main" = FrameworkFloor ] || sources="$sources benchmarks/$main.java"
  # shellcheck disable=SC2086
  javac -proc:none -parameters -d "$dir/classes" -cp "$dir/lib/*" $sources
  [ -n "$migrations" ] && cp -r "benchmarks/$migrations" "$dir/classes/${package##*.}"
  # A manifest line holds at most 72 bytes; a longer value goes on in lines that start with a space.
  { echo "Main-Class: $package.$main"
    printf 'Class-Path: %s\n' "$(cd "$dir" && ls lib/*.jar | tr '\n' ' ')" | fold -w 70 | sed '2,$s/^/ /'
  } > "$dir/manifest.txt"
  jar --create --file "$dir/floor.jar" --manifest "$dir/manifest.txt" -C "$dir/classes" .
  echo "[$1] $(ls "$dir/lib" | wc -l) of $(( $(ls "$dir/lib" | wc -l) + $(ls "$dir/extracted/lib" | wc -l) )) libraries" >&2
  (cd "$dir" && java -XX:ArchiveClassesAtExit=floor.jsa -Dspring.context.exit=onRefresh -jar "$dir/floor.jar" \
    --server.port=0 --logging.level.root=WARN > "$dir.training.log" 2>&1) || { cat "$dir.training.log" >&2; exit 1; }
}
prepare_plain_floor() {
  prepare_floor floor FrameworkFloor io.hawkbit.benchmarks.floor "$FLOOR_DROP|$FLOOR_DROP_PERSISTENCE"
}
# Spring Data JDBC at the versions our jar's Spring Boot and Spring Data have.
prepare_jdbc_floor() {
  local libs boot data
  libs=$(unzip -Z1 "$JAR" 'BOOT-INF/lib/*')
  boot=$(sed -n 's|.*/spring-boot-\([0-9][^/]*\)\.jar$|\1|p' <<< "$libs")
  data=$(sed -n 's|.*/spring-data-commons-\([0-9][^/]*\)\.jar$|\1|p' <<< "$libs")
  prepare_floor floor-jdbc FrameworkFloorJdbc io.hawkbit.benchmarks.floorjdbc "$FLOOR_DROP|$FLOOR_DROP_JPA" floor-jpa \
    "org.springframework.boot:spring-boot-data-jdbc:$boot org.springframework.data:spring-data-jdbc:$data org.springframework.data:spring-data-relational:$data"
}

alloc() { java -cp "$WORK" JvmAlloc "$PID"; }
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
rss() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$PID/status"; }
# RSS by mapping kind from /proc/<pid>/smaps (heap, stacks, Metaspace, code cache and malloc are anonymous; the CDS
# archives and jars are files), and the largest anonymous mappings (the heap is one; glibc's arenas are 64 MB each).
memory_map() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / { range = $1; name = (NF >= 6) ? $6 : "";
         kind = name ~ /\.jsa$/ ? "cds-archive" : (name == "" || name ~ /^\[/ ? "anonymous" : "file") }
       /^Rss:/ { rss[kind] += $2; if (kind == "anonymous") anon[range] = $2; else named[name] += $2 }
       END { for (k in rss) printf "rss_kb %s %d\n", k, rss[k];
             for (r in anon) if (anon[r] >= 4096) printf "anonymous_kb %d %s\n", anon[r], r;
             for (n in named) if (named[n] >= 1024) printf "file_kb %d %s\n", named[n], n }' "/proc/$PID/smaps" |
    sort -k1,1 -k2,2nr
  # NMT's summary, when JAVA_OPTS turned it on (crashed JDK 17.0.15 together with the dynamic CDS archive: jar only).
  [[ "${JAVA_OPTS:-}" == *NativeMemoryTracking* ]] && jcmd "$PID" VM.native_memory summary
  true
}
field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

run() {
  local variant=$1 jar=$2 opts=$3 args=$4 vars=${5:-} dir=$WORK/$1
  mkdir -p "$dir"
  [ -n "${MAPS_DIR:-}" ] && mkdir -p "$MAPS_DIR"
  echo "[$variant] starting, seeding $TARGETS targets..." >&2
  # hawkBit's work directory keeps its downloaded jars between runs; ours is thrown away.
  local anchor=${jar:+$dir} line
  anchor=${anchor:-${ANCHOR_DIR:-/tmp/anchor/upstream-hawkbit}}
  # shellcheck disable=SC2086
  line=$(env $vars ANCHOR_DIR=$anchor SERVER_JAR=$jar JAVA_OPTS="$opts ${JAVA_OPTS:-}" SERVER_ARGS="$args" KEEP=1 WRK_CONNS="" \
    "$HARNESS" "$PORT" "$TARGETS" 2> "$dir/harness.log" | tail -n 1) ||
    { tail -20 "$dir/harness.log" >&2; [ -f "$anchor/run/pid" ] && kill "$(cat "$anchor/run/pid")" 2>/dev/null; exit 1; }
  PID=$(cat "$anchor/run/pid")
  local archive=none
  [[ "$opts" == *SharedArchiveFile* || "$opts" == *AOTCache* ]] && archive=unused
  grep -qE '(app|floor)\.(jsa|aot)$' "/proc/$PID/maps" && archive=mapped
  local load_start
  load_start=$(cut -d' ' -f1 /proc/loadavg)
  alloc > /dev/null # starts the JVM's management agent before the measurement
  echo "[$variant] warming up ($WARMUP s)..." >&2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$anchor/run/poll.lua" "$H" > /dev/null
  echo "[$variant] measuring ($DURATION s, $CONNECTIONS connections)..." >&2
  local a0 a1 t0 t1 out
  a0=$(alloc); t0=$(ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$anchor/run/poll.lua" "$H")
  t1=$(ticks); a1=$(alloc)
  local rss_load requests
  rss_load=$(rss)
  [ -n "${MAPS_DIR:-}" ] && [ -n "$jar" ] && memory_map > "$MAPS_DIR/$variant.maps"
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  cleanup; PID=
  awk -v v="$variant" -v s="$(field "$line" startup_s)" -v cs="$(field "$line" startup_cpu_s)" \
      -v r0="$(field "$line" rss_start_mb)" -v r1="$rss_load" \
      -v n="$requests" -v rps="$(awk '/^Requests\/sec:/ {printf "%d", $2}' <<< "$out")" \
      -v p50="$(awk '$1 == "50%" {print $2}' <<< "$out")" -v p99="$(awk '$1 == "99%" {print $2}' <<< "$out")" \
      -v non2xx="$(awk '/Non-2xx/ {print $NF}' <<< "$out")" -v dt=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" \
      -v da="$(awk -v a="$a0" -v b="$a1" 'BEGIN {printf "%.0f", b - a}')" \
      -v archive="$archive" -v l0="$load_start" -v l1="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "variant=%s start_to_first_200_s=%s start_cpu_s=%s rss_after_start_mb=%s rss_under_load_mb=%s", v, s, cs, r0, r1
    printf " polls_per_s=%s p50=%s p99=%s", rps, p50, p99
    printf " non2xx=%d cpu_ms_per_poll=%.3f alloc_bytes_per_poll=%.0f app_archive=%s loadavg=%s..%s\n",
      non2xx, dt * 1000 / hz / n, da / n, archive, l0, l1
  }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d MB", $2 / 1024}' /proc/meminfo), $(java -version 2>&1 | head -n 1)" >&2
for variant in $VARIANTS; do
  case $variant in
    hawkbit) run hawkbit "" "" "" ;;
    jar) run jar "$JAR" "" "" ;;
    cds) prepare_cds; run cds "$WORK/cds/hawkbit-update-server-0.1.0-SNAPSHOT.jar" "-XX:SharedArchiveFile=$WORK/cds/app.jsa" "" ;;
    cds-c1) prepare_cds; run cds-c1 "$WORK/cds/hawkbit-update-server-0.1.0-SNAPSHOT.jar" \
      "-XX:SharedArchiveFile=$WORK/cds/app.jsa -XX:TieredStopAtLevel=1" "" ;;
    small) prepare_cds; run small "$WORK/cds/hawkbit-update-server-0.1.0-SNAPSHOT.jar" \
      "-XX:SharedArchiveFile=$WORK/cds/app.jsa $SMALL_OPTS" "$SMALL_ARGS" "$SMALL_ENV" ;;
    aot25) prepare_aot; run aot25 "$WORK/aot/hawkbit-update-server-0.1.0-SNAPSHOT.jar" "-XX:AOTCache=$WORK/aot/app.aot" "" \
      "JAVA=$JAVA25" ;;
    floor) prepare_plain_floor; run floor "$WORK/floor/floor.jar" "" "" ;;
    floor-cds) prepare_plain_floor; run floor-cds "$WORK/floor/floor.jar" "-XX:SharedArchiveFile=$WORK/floor/floor.jsa" "" ;;
    floor-jpa|floor-jpa-cds)
      prepare_floor floor-jpa FrameworkFloorJpa io.hawkbit.benchmarks.floorjpa "$FLOOR_DROP" floor-jpa
      opts=""
      [ "$variant" = floor-jpa-cds ] && opts="-XX:SharedArchiveFile=$WORK/floor-jpa/floor.jsa"
      run "$variant" "$WORK/floor-jpa/floor.jar" "$opts" "" ;;
    floor-jdbc|floor-jdbc-cds)
      prepare_jdbc_floor
      opts=""
      [ "$variant" = floor-jdbc-cds ] && opts="-XX:SharedArchiveFile=$WORK/floor-jdbc/floor.jsa"
      run "$variant" "$WORK/floor-jdbc/floor.jar" "$opts" "" ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
  esac
done
