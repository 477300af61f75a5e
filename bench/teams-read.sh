#!/usr/bin/env bash
# Issue 3 benchmark: secured single-team reads through teams-api vs. PostgreSQL's own select-only rate.
#
# Seeds a realistic registry (UNITS units, TEAMS teams, 40 members each, all 32 provinces) into a fresh
# database, starts the packaged teams-api against it, warms the JIT up, then alternates, in one run:
#   pgbench -S (select-only, primary-key reads)      — the baseline
#   wrk GET /api/v1/teams/{id} with a national token
#   wrk GET /api/v1/teams/{id} with a provincial token (in scope)
# and prints requests/s, latency percentiles and the ratio API / pgbench, with the exact commands.
#
#   bench/teams-read.sh                 # defaults: 2000 units, 5000 teams, 20 s per round, 2 rounds
#   TEAMS=10000 DURATION=30 ROUNDS=3 bench/teams-read.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
UNITS=${UNITS:-2000}; TEAMS=${TEAMS:-5000}; DURATION=${DURATION:-20}; ROUNDS=${ROUNDS:-2}; WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-8}; PORT=${PORT:-18081}; DB=teams_bench
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
[ -f teams-api/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package -pl teams-api -am

echo "== fresh database $DB"
$PG -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== starting teams-api on :$PORT"
# wrk sends thousands of requests a second with one token, one caller: the per-caller rate limit (README, "Rate
# limits"; by default a burst of 600, then 50 a second) is raised so that reads are measured, never refusals
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
  RESCUE_FORCE_RATE_LIMIT_CALLER_REQUESTS_PER_MINUTE=1000000000 RESCUE_FORCE_RATE_LIMIT_CALLER_BURST=1000000000 \
  java -Dquarkus.profile=local -jar teams-api/target/quarkus-app/quarkus-run.jar > /tmp/teams-bench.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/q/health/ready >/dev/null && break; sleep 1; done
curl -sf localhost:$PORT/q/health/ready >/dev/null || { echo "teams-api did not start: /tmp/teams-bench.log" >&2; exit 1; }
# pgbench's own tables, beside the migrated schema, for the baseline
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 "$DB" >/dev/null 2>&1

echo "== seeding $UNITS units, $TEAMS teams, $((TEAMS * 40)) members"
$PG -d "$DB" -v units=$UNITS -v teams=$TEAMS -f bench/seed-registry.sql
team=$($PG -d "$DB" -tAc "select id from team where province = '510000' order by code limit 1")
national=$(scripts/dev-token national --ttl 7200)
provincial=$(scripts/dev-token provincial 510000 --ttl 7200)
url="http://localhost:$PORT/api/v1/teams/$team"
curl -sf -H "Authorization: Bearer $provincial" "$url" >/dev/null || { echo "the provincial token cannot read $url" >&2; exit 1; }

WRK="wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency"
PGB="pgbench -h 127.0.0.1 -U postgres -n -S -c 4 -j 2 -T $DURATION $DB"
echo "== warm-up ${WARMUP}s"
wrk -t1 -c$CONNECTIONS -d${WARMUP}s -H "Authorization: Bearer $national" "$url" >/dev/null

declare -A sum=([pgbench]=0 [national]=0 [provincial]=0)
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round"
  p=$($PGB 2>/dev/null | awk '/tps = / {print $3; exit}')
  echo "pgbench -S: $p tps"; sum[pgbench]=$(echo "${sum[pgbench]} + $p" | bc)
  for level in national provincial; do
    token=${!level}
    out=$($WRK -H "Authorization: Bearer $token" "$url")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    lat=$(echo "$out" | awk '/^ +(50|90|99)%/ {printf "p%s %s  ", $1, $2}' | tr -d '%')
    echo "wrk $level: $rps req/s  $lat"; sum[$level]=$(echo "${sum[$level]} + $rps" | bc)
  done
done

echo
echo "== commands"
echo "  baseline: $PGB"
echo "  api:      $WRK -H 'Authorization: Bearer <national|provincial 510000 token>' $url"
echo "== results (mean of $ROUNDS rounds, ${DURATION}s each, after ${WARMUP}s warm-up, $(nproc) cores)"
base=$(echo "scale=1; ${sum[pgbench]} / $ROUNDS" | bc)
printf "  %-24s %10s\n" "pgbench -S (baseline)" "$base/s"
for level in national provincial; do
  mean=$(echo "scale=1; ${sum[$level]} / $ROUNDS" | bc)
  printf "  %-24s %10s   ratio API/pgbench = %s\n" "GET team ($level)" "$mean/s" "$(echo "scale=2; $mean / $base" | bc)"
done
