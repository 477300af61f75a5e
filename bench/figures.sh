#!/usr/bin/env bash
# Figures benchmark: GET /api/v1/figures with realistic volume, national and provincial, in one run.
#
# Seeds a fresh teams database (bench/figures-seed.sql: TEAMS teams over the 32 provinces, MEMBERS members with two
# certificates each, YEARS years of drills, training records, mobilization orders (each under its incident),
# work-injury policies and prevention work), starts the packaged teams-api
# against it, warms the JIT up, then measures with wrk, one after the other:
#   GET /api/v1/figures                      with a national token       target: p99 under 200 ms
#   GET /api/v1/figures                      with a provincial token     target: p99 under 100 ms
# and prints requests/s and latency percentiles with the exact commands, the core count and the load average; then the
# same again with teams-api's kept figure sections off (every answer computed, as after each change of the data), and
# the answers' times as teams-api logged them.
# equipment-api and assessment-api are not started: the figures' equipment and grades sections answer "unavailable"
# (connection refused, at once), so what is measured is teams-api's own work, which is where the volume is.
# A measurement, not a test: nothing fails on a figure.
#
#   bench/figures.sh                                   # 150 teams, 25,000 members, 5 years, 20 s per level
#   TEAMS=300 MEMBERS=50000 DURATION=30 bench/figures.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
TEAMS=${TEAMS:-150}; MEMBERS=${MEMBERS:-25000}; YEARS=${YEARS:-5}; DURATION=${DURATION:-20}; WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-2}; PORT=${PORT:-18281}; DB=${DB:-teams_figures_bench}; PROVINCE=${PROVINCE:-510000}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
[ -f teams-api/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package -pl teams-api -am

echo "== fresh database $DB"
$PG -d postgres -c "drop database if exists $DB" -c "create database $DB"

# one caller, many requests: the per-caller rate limit is raised so that the figures are measured, never refusals.
# teams-api's service account has no secret here (the other services are not started): its readiness check says so
# and stays UP (README "Calling another service"); the script waits for /q/health/started, which comes first.
# FigureService logs each answer's time per section (DEBUG): kept or computed sections, equipment, grades, whole.
# Two instances on the same database, both started before the seed (a start checks the members' encrypted values,
# which the seed only imitates): :PORT keeps the figures' own sections (the service as deployed), :PORT+1 computes
# every answer's sections (rescue-force.read-cache.enabled=false, as after each change of the data).
apps=()
start_app() { # $1: rescue-force.read-cache.enabled, $2: port, $3: log
  echo "== starting teams-api on :$2 (kept figure sections: $1)"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_HTTP_PORT=$2 QUARKUS_LOG_LEVEL=WARN QUARKUS_LOG_CATEGORY__CN_RESCUEFORCE_TEAMS_FIGURES__LEVEL=DEBUG \
    EQUIPMENT_API_URL=http://127.0.0.1:9 ASSESSMENT_API_URL=http://127.0.0.1:9 RESCUE_FORCE_READ_CACHE_ENABLED=$1 \
    RESCUE_FORCE_RATE_LIMIT_CALLER_REQUESTS_PER_MINUTE=1000000000 RESCUE_FORCE_RATE_LIMIT_CALLER_BURST=1000000000 \
    java -Dquarkus.profile=local -jar teams-api/target/quarkus-app/quarkus-run.jar > "$3" 2>&1 &
  apps+=($!)
  for _ in $(seq 1 180); do curl -sf localhost:$2/q/health/started >/dev/null && break; sleep 1; done
  curl -sf localhost:$2/q/health/started >/dev/null || { echo "teams-api did not start: $3" >&2; exit 1; }
}
trap 'for a in "${apps[@]}"; do kill $a 2>/dev/null; wait $a 2>/dev/null || true; done' EXIT
KEPT_LOG=/tmp/teams-figures-bench.log
COMPUTED_LOG=/tmp/teams-figures-bench-computed.log
start_app true $PORT $KEPT_LOG
start_app false $((PORT + 1)) $COMPUTED_LOG

echo "== seeding $TEAMS teams, $MEMBERS members, $YEARS years of drills, training and orders"
start=$(date +%s)
$PG -d "$DB" -v teams=$TEAMS -v members=$MEMBERS -v years=$YEARS -f bench/figures-seed.sql
$PG -d "$DB" -tAc "select 'rows: ' || (select count(*) from team) || ' teams, ' || (select count(*) from member) || ' members, '
  || (select count(*) from certificate) || ' certificates, ' || (select count(*) from drill) || ' drills, '
  || (select count(*) from training_record) || ' training records, ' || (select count(*) from mobilization_order) || ' orders, ' || (select count(*) from insurance_policy) || ' policies, '
  || (select count(*) from preventive_inspection) + (select count(*) from technical_service) + (select count(*) from outreach_activity) || ' prevention records'"
echo "   seeded in $(( $(date +%s) - start )) s"
national=$(scripts/dev-token national --ttl 7200)
provincial=$(scripts/dev-token provincial $PROVINCE --ttl 7200)
url="http://localhost:$PORT/api/v1/figures"
curl -sf -H "Authorization: Bearer $national" "$url" | python3 -c 'import json,sys; r=json.load(sys.stdin); t=r["totals"]; print("   national:", t["teams"], "teams,", t["rescuers"], "rescuers,", t["drills"], "drills this year,", r["mobilizations"]["orders"], "orders; equipment available:", r["equipment"]["available"], "grades available:", r["grades"]["available"])'
curl -sf -H "Authorization: Bearer $provincial" "$url" | python3 -c 'import json,sys; r=json.load(sys.stdin); t=r["totals"]; print("   provincial:", t["teams"], "teams,", t["rescuers"], "rescuers")'

# the two instances answer the same figures (the ETag hashes them, times left out)
for level in national provincial; do
  token=${!level}
  tags=$(for port in $PORT $((PORT + 1)); do
    curl -sf -D - -o /dev/null -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/figures" | awk 'tolower($1) == "etag:" {print $2}'
  done | tr -d '\r' | sort -u | wc -l)
  echo "   $level: kept and computed answers $([ "$tags" = 1 ] && echo "have the same ETag" || echo "DIFFER")"
done

WRK="wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency"
declare -A result
# $1: label suffix, $2: the figures' URL; warms the JIT up, then measures each level one after the other
measure() {
  local url=$2
  echo "== warm-up ${WARMUP}s"
  wrk -t1 -c$CONNECTIONS -d${WARMUP}s -H "Authorization: Bearer $national" "$url" >/dev/null
  wrk -t1 -c$CONNECTIONS -d$((WARMUP / 2))s -H "Authorization: Bearer $provincial" "$url" >/dev/null
  echo "== measuring (${DURATION}s per level, $CONNECTIONS connections)"
  for level in national provincial; do
    token=${!level}
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    out=$($WRK -H "Authorization: Bearer $token" "$url")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    lat=$(echo "$out" | awk '/^ +(50|90|99)%/ {printf "p%s %s  ", $1, $2}' | tr -d '%')
    result[$level$1]="$rps req/s  $lat (load average before: $load_before)"
  done
}
# the whole answer's time per level as FigureService logged it: median and 99th percentile, kept and computed answers
sections() {
  python3 - "$1" <<'PY'
import re, sys, statistics
whole = {}
computed = []
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"figures (\w+): own sections (kept|computed) (\d+) ms, equipment (\d+) ms, grades (\d+) ms, whole (\d+) ms", line)
    if m:
        whole.setdefault((m[1], m[2]), []).append(int(m[6]))
    m = re.search(r"figures computed: (.*)", line)
    if m:
        computed.append(m[1])
for (level, how), ms in sorted(whole.items()):
    ms.sort()
    print(f"  {level.lower():12s} {how:8s} {len(ms):6d} answers  whole p50 {ms[len(ms) // 2]} ms  p99 {ms[min(len(ms) - 1, int(len(ms) * 0.99))]} ms")
for line in computed[:2] + (["..."] if len(computed) > 4 else []) + computed[-2:]:
    print("  computed:", line)
PY
}
measure "" "$url"
measure " computed" "http://localhost:$((PORT + 1))/api/v1/figures"

echo
echo "== commands"
echo "  seed:  $PG -d $DB -v teams=$TEAMS -v members=$MEMBERS -v years=$YEARS -f bench/figures-seed.sql"
echo "  api:   $WRK -H 'Authorization: Bearer <national | provincial $PROVINCE token>' $url"
echo "         then the same on :$((PORT + 1)), started with RESCUE_FORCE_READ_CACHE_ENABLED=false (every answer's sections computed)"
echo "== results ($(nproc) cores, load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
for level in national provincial "national computed" "provincial computed"; do
  printf "  %-20s %s\n" "$level" "${result[$level]}"
done
echo "== the answers' times as teams-api logged them (kept sections, then every answer computed)"
sections $KEPT_LOG
sections $COMPUTED_LOG
