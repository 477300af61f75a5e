#!/usr/bin/env bash
# Reads at the speed of the database: teams-api's reads against PostgreSQL's own primary-key rate and against a
# bare Quarkus application (bench/reference: the same framework, Panache findById on a worker thread, and the
# reactive PostgreSQL client on the event loop, each once without security and once behind quarkus-oidc), all in ONE
# alternating run on this machine, each figure as a ratio to pgbench.
#
#  1. a fresh database (UNITS supporting units, TEAMS teams over all 32 provinces: bench/reads-seed.sql, and the
#     reference's ref_team with the same rows), migrated by teams-api;
#  2. start-up, alternated STARTS times: the reference and teams-api, each from `java -jar` to its first 200 from
#     /q/health/ready (the database already migrated), with the same JVM options ($JVM_OPTS, those of the deployment),
#     teams-api with its AppCDS archive as its image starts it (bench/startup.sh measures all three services so);
#  3. warm-up (WARMUP s of load on teams-api, each id and question in turn, a sixth of it on each of the reference's
#     four reads), then the resident memory (RSS) of each;
#  4. ROUNDS rounds of DURATION s each, alternating:
#       pgbench  -f (select by primary key from ref_team, random key) -c4 -j2   — the baseline
#       wrk -t1 -c8  reference GET /open/teams/{n}, GET /secure/teams/{n} (random n), and the same on the event loop
#                    with the reactive client: GET /reactive/open/teams/{n}, GET /reactive/secure/teams/{n}
#       wrk -t1 -c8  teams-api GET /api/v1/teams/{id}: national token (random ids over every team), provincial token
#                    (random ids of its province)
#       wrk -t1 -c8  teams-api GET /api/v1/teams?province=…&category=…&size=20 (national, random province and category)
#       wrk -t1 -c8  teams-api GET /api/v1/public/teams?province=…&category=…&size=20 and
#                    GET /api/v1/public/nearest-teams?lat=…&lon=… with If-None-Match of the current tag (304s)
#  5. the means, each as a ratio to pgbench's, with the commands, nproc and the load average.
# A measurement, not a test: nothing fails on a figure (the run fails only when something does not answer as it must).
#
#   bench/reads.sh                                   # 5,000 teams, 60 s warm-up, 2 rounds of 15 s: about 10 minutes
#   ROUNDS=3 DURATION=20 bench/reads.sh
#   JVM_OPTS="-Xmx512m" bench/reads.sh               # another heap
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
UNITS=${UNITS:-2000}; TEAMS=${TEAMS:-5000}; DURATION=${DURATION:-15}; ROUNDS=${ROUNDS:-2}; WARMUP=${WARMUP:-60}
STARTS=${STARTS:-3}; CONNECTIONS=${CONNECTIONS:-8}; DB=${DB:-teams_reads_bench}
PORT=${PORT:-18281}; REF_PORT=${REF_PORT:-18280}; PROVINCE=${PROVINCE:-510000}
. bench/lib.sh # the deployment's JVM options and pools (JVM_OPTS …), start_app, stop, appcds_archive
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
work=$(mktemp -d)
app=""; ref=""

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
echo "== building (what is missing)"
[ -f teams-api/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -o -DskipTests package -pl teams-api -am \
  || ./mvnw -B -q -DskipTests package -pl teams-api -am
[ -f bench/reference/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -o -f bench/reference/pom.xml package \
  || ./mvnw -B -q -f bench/reference/pom.xml package

trap 'stop "${started_pid:-}"; stop "$app"; stop "$ref"; rm -rf "$work"' EXIT

# teams-api starts with its AppCDS archive, as its image does (Dockerfile.jvm; bench/startup.sh creates it the same way)
app_dir=teams-api/target/quarkus-app
appcds_archive $app_dir

# starts one application from its directory: its pid in started_pid, the seconds from `java` to its first 200 from
# /q/health/ready in started_secs
start() { # name port jar log
  local cds=()
  [ -f "$(dirname "$3")/app-cds.jsa" ] && [ "$1" != reference ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
  start_app "$1" "$2" "$3" "$DB" "$4" QUARKUS_LOG_LEVEL=INFO "${UNLIMITED[@]}" -- "${cds[@]}"
}
# puts wrk's rps/p50/p99/errors into the global `result`; prints one line
measure() { # label paths-file base-url [TOKEN=… IF_NONE_MATCH=…]
  local label=$1 paths=$2 base=$3; shift 3
  local out
  out=$(env PATHS="$paths" "$@" wrk -t1 -c$CONNECTIONS -d${DURATION}s -s bench/reads.lua "$base" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}')
  result=($out)
  printf "  %-32s %9s req/s  p50 %6s ms  p99 %6s ms%s\n" "$label" "${result[0]}" "${result[1]}" "${result[2]}" \
    "$( [ "${result[3]}${result[4]}" = 00 ] || echo "  (${result[3]} non-2xx/3xx, ${result[4]} socket errors)")"
}
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

echo "== fresh database $DB; teams-api migrates it"
$PG -d postgres -c "drop database if exists $DB" -c "create database $DB"
start teams-api $PORT teams-api/target/quarkus-app/quarkus-run.jar "$work/teams-first.log"; app=$started_pid
echo "== seeding $UNITS units, $TEAMS teams (and ref_team)"
$PG -d "$DB" -v units=$UNITS -v teams=$TEAMS -f bench/reads-seed.sql
stop "$app"; app=""

echo "== start-up, $STARTS times each, alternated (java -jar to the first 200 of /q/health/ready)"
declare -a up_ref=() up_app=()
for i in $(seq 1 "$STARTS"); do
  start reference $REF_PORT bench/reference/target/quarkus-app/quarkus-run.jar "$work/reference.log"; ref=$started_pid; up_ref+=("$started_secs")
  start teams-api $PORT teams-api/target/quarkus-app/quarkus-run.jar "$work/teams.log"; app=$started_pid; up_app+=("$started_secs")
  echo "  start $i: reference ${up_ref[-1]} s ($(grep -o 'started in [0-9.]*s' "$work/reference.log" | tail -1)), teams-api ${up_app[-1]} s ($(grep -o 'started in [0-9.]*s' "$work/teams.log" | tail -1))"
  if [ "$i" -lt "$STARTS" ]; then stop "$ref"; stop "$app"; ref=""; app=""; fi
done

base="http://localhost:$PORT"; refbase="http://localhost:$REF_PORT"
national=$(scripts/dev-token national --ttl 7200)
provincial=$(scripts/dev-token provincial $PROVINCE --ttl 7200)
$PG -d "$DB" -tAc "select '/api/v1/teams/' || id from team" > "$work/teams-all"
$PG -d "$DB" -tAc "select '/api/v1/teams/' || id from team where province = '$PROVINCE'" > "$work/teams-province"
seq 1 "$TEAMS" | sed 's|^|/open/teams/|' > "$work/ref-open"
seq 1 "$TEAMS" | sed 's|^|/secure/teams/|' > "$work/ref-secure"
sed 's|^|/reactive|' "$work/ref-open" > "$work/ref-reactive-open"
sed 's|^|/reactive|' "$work/ref-secure" > "$work/ref-reactive-secure"
$PG -d "$DB" -tAc "select '?province=' || p || '&category=' || c || '&size=20' from (select distinct province p from team) a,
  unnest(array['MINING','HAZARDOUS_CHEMICALS','OIL_GAS','TUNNEL_CONSTRUCTION','OTHER']) c" > "$work/questions"
sed 's|^|/api/v1/teams|' "$work/questions" > "$work/lists"
sed 's|^|/api/v1/public/teams|' "$work/questions" > "$work/directory"
python3 -c 'import random
random.seed(11)
for _ in range(500):
    print("/api/v1/public/nearest-teams?lat=%.3f&lon=%.3f&category=%s&limit=10" % (21 + random.random() * 27, 80 + random.random() * 45,
          random.choice(["MINING", "HAZARDOUS_CHEMICALS", "OIL_GAS", "TUNNEL_CONSTRUCTION", "OTHER"])))' > "$work/nearest"
printf '\\set n random(1, %d)\nselect * from ref_team where n = :n;\n' "$TEAMS" > "$work/select.sql"
echo "   $(wc -l < "$work/teams-all") team ids, $(wc -l < "$work/teams-province") of province $PROVINCE, $(wc -l < "$work/questions") list questions"

# the answers the measurements rely on
curl -sf -H "Authorization: Bearer $provincial" "$base$(head -1 "$work/teams-province")" >/dev/null || { echo "the provincial token cannot read its team" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $national" "$refbase/secure/teams/1" >/dev/null || { echo "the reference refuses the development token" >&2; exit 1; }
# the reactive reads answer the same JSON as the blocking ones, and the secured one does check the token
[ "$(curl -sf -H "Authorization: Bearer $national" "$refbase/reactive/secure/teams/1")" = "$(curl -sf "$refbase/open/teams/1")" ] \
  || { echo "the reference's reactive read answers otherwise than its blocking one" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "$refbase/reactive/secure/teams/1")
[ "$code" = 401 ] || { echo "the reference's reactive secured read answered $code without a token, not 401" >&2; exit 1; }
tag=$(curl -sfD - -o /dev/null "$base$(head -1 "$work/directory")" | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); print $2}')
[ -n "$tag" ] || { echo "the public directory sends no ETag" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $tag" "$base$(head -1 "$work/nearest")")
[ "$code" = 304 ] || { echo "a revalidation of the public nearest-team search answered $code, not 304" >&2; exit 1; }

echo "== warm-up: ${WARMUP} s of load on teams-api, $((WARMUP / 6 * 4)) s on the reference"
quarter=$((WARMUP / 4))
for spec in "teams-all:$national" "teams-province:$provincial" "lists:$national" "directory:"; do
  # in the files' order: every team and question is asked at least once when the load is high enough (kept afterwards)
  SEQUENTIAL=1 PATHS="$work/${spec%%:*}" TOKEN="${spec#*:}" wrk -t1 -c$CONNECTIONS -d${quarter}s -s bench/reads.lua "$base" >/dev/null
done
rss_app=$(rss_mib "$app")
PATHS="$work/ref-open" wrk -t1 -c$CONNECTIONS -d$((WARMUP / 6))s -s bench/reads.lua "$refbase" >/dev/null
PATHS="$work/ref-secure" TOKEN="$national" wrk -t1 -c$CONNECTIONS -d$((WARMUP / 6))s -s bench/reads.lua "$refbase" >/dev/null
PATHS="$work/ref-reactive-open" wrk -t1 -c$CONNECTIONS -d$((WARMUP / 6))s -s bench/reads.lua "$refbase" >/dev/null
PATHS="$work/ref-reactive-secure" TOKEN="$national" wrk -t1 -c$CONNECTIONS -d$((WARMUP / 6))s -s bench/reads.lua "$refbase" >/dev/null
rss_ref=$(rss_mib "$ref")
echo "   RSS after the warm-up: teams-api $rss_app MiB, reference $rss_ref MiB"

labels=(pgbench ref-open ref-secure ref-reactive-open ref-reactive-secure team-national team-provincial list directory-304 nearest-304)
declare -A sum p99
for l in "${labels[@]}"; do sum[$l]=0; p99[$l]=""; done
PGB="pgbench -h 127.0.0.1 -U postgres -n -f $work/select.sql -c 4 -j 2 -T $DURATION $DB"
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  p=$($PGB 2>/dev/null | awk '/^tps = / {printf "%.1f", $3; exit}')
  printf "  %-32s %9s tps\n" "pgbench (primary key)" "$p"; sum[pgbench]=$(echo "${sum[pgbench]} + $p" | bc)
  measure "reference /open/teams/{n}" "$work/ref-open" "$refbase"; sum[ref-open]=$(echo "${sum[ref-open]} + ${result[0]}" | bc); p99[ref-open]+="${result[2]} "
  measure "reference /secure/teams/{n}" "$work/ref-secure" "$refbase" TOKEN="$national"; sum[ref-secure]=$(echo "${sum[ref-secure]} + ${result[0]}" | bc); p99[ref-secure]+="${result[2]} "
  measure "ref. /reactive/open/teams/{n}" "$work/ref-reactive-open" "$refbase"; sum[ref-reactive-open]=$(echo "${sum[ref-reactive-open]} + ${result[0]}" | bc); p99[ref-reactive-open]+="${result[2]} "
  measure "ref. /reactive/secure/teams/{n}" "$work/ref-reactive-secure" "$refbase" TOKEN="$national"; sum[ref-reactive-secure]=$(echo "${sum[ref-reactive-secure]} + ${result[0]}" | bc); p99[ref-reactive-secure]+="${result[2]} "
  measure "team, national" "$work/teams-all" "$base" TOKEN="$national"; sum[team-national]=$(echo "${sum[team-national]} + ${result[0]}" | bc); p99[team-national]+="${result[2]} "
  measure "team, provincial" "$work/teams-province" "$base" TOKEN="$provincial"; sum[team-provincial]=$(echo "${sum[team-provincial]} + ${result[0]}" | bc); p99[team-provincial]+="${result[2]} "
  measure "list, national" "$work/lists" "$base" TOKEN="$national"; sum[list]=$(echo "${sum[list]} + ${result[0]}" | bc); p99[list]+="${result[2]} "
  measure "public directory, 304" "$work/directory" "$base" IF_NONE_MATCH="$tag"; sum[directory-304]=$(echo "${sum[directory-304]} + ${result[0]}" | bc); p99[directory-304]+="${result[2]} "
  measure "public nearest, 304" "$work/nearest" "$base" IF_NONE_MATCH="$tag"; sum[nearest-304]=$(echo "${sum[nearest-304]} + ${result[0]}" | bc); p99[nearest-304]+="${result[2]} "
done
rss_app_end=$(rss_mib "$app"); rss_ref_end=$(rss_mib "$ref")

mean() { echo "scale=1; ${sum[$1]} / $ROUNDS" | bc; }
ratio() { echo "scale=4; $(mean "$1") / $(mean pgbench)" | bc | xargs printf "%.2f"; }
avg() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.2f", s / NR}'; }
echo
echo "== commands"
echo "  baseline   $PGB    ($(cat "$work/select.sql" | tr '\n' ' '))"
echo "  reads      PATHS=<file of paths> [TOKEN=<dev token>] [IF_NONE_MATCH='$tag'] wrk -t1 -c$CONNECTIONS -d${DURATION}s -s bench/reads.lua <base>"
echo "  JVMs       java $JVM_OPTS [teams-api: -XX:SharedArchiveFile=app-cds.jsa] -jar quarkus-run.jar (from the package's directory)   with ${POOLS[*]}"
echo "== results: mean of $ROUNDS alternated rounds of ${DURATION} s after ${WARMUP} s of warm-up; $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
printf "  %-34s %10s %8s %8s\n" "" "per s" "ratio" "target"
printf "  %-34s %10s %8s\n" "pgbench, primary key" "$(mean pgbench)" "1.00"
row() { printf "  %-34s %10s %8s %8s   p99 %s ms\n" "$1" "$(mean "$2")" "$(ratio "$2")" "$3" "$(echo ${p99[$2]} | tr ' ' '/')"; }
row "reference, open" ref-open ""
row "reference, secured" ref-secure ""
row "reference, reactive, open" ref-reactive-open ""
row "reference, reactive, secured" ref-reactive-secure ""
row "GET team, national" team-national "≥ 0.50"
row "GET team, provincial" team-provincial "≥ 0.50"
row "GET teams?province&category&size=20" list "≥ 0.25"
row "public directory revalidation (304)" directory-304 "≥ 0.50"
row "public nearest revalidation (304)" nearest-304 "≥ 0.50"
ref_up=$(avg "${up_ref[@]}"); app_up=$(avg "${up_app[@]}")
printf "  %-34s reference %s s, teams-api %s s: ratio %s (target ≤ 1.10)\n" "start-up to ready (mean of $STARTS)" "$ref_up" "$app_up" \
  "$(echo "scale=4; $app_up / $ref_up" | bc | xargs printf "%.2f")"
printf "  %-34s teams-api %s MiB after %s s of load, %s MiB at the end; reference %s / %s MiB (target ≤ 300)\n" "RSS" \
  "$rss_app" "$WARMUP" "$rss_app_end" "$rss_ref" "$rss_ref_end"
