#!/usr/bin/env bash
# Issue 12 benchmark: the change feed's read throughput and the delay from commit to webhook delivery, in one run.
#
# 1. Feed read: EVENTS changes (bench/changes-seed.sql, team changes over 32 provinces) in a fresh teams database;
#    a client pages through GET /api/v1/changes from the start with limit LIMIT (bench/changes.py read), as national
#    (every change) and as one province (a 32nd of them, the rest skipped by the scope condition). Baseline in the
#    same run: PostgreSQL alone answering the same page query (pgbench, one client, pages of LIMIT rows at random
#    positions). Target: at least 5,000 events/s.
# 2. Webhook delay: a receiver (bench/changes/receiver.py) subscribes to team.readiness-changed as national; a
#    writer (bench/changes/writer.py) changes team readiness at RATE changes/s through the API, open loop, for
#    WEBHOOK_WARMUP seconds (the service's write and delivery paths compiled by the JIT: not counted), then DURATION
#    seconds, which are measured, and 5 more (so that the writer still runs when its CPU time is read). The receiver
#    verifies each delivery's signature and records the time it arrived minus the change's CloudEvents `time` (taken
#    inside the writing transaction, before its commit, so the figure slightly overstates the delay from commit).
#    Every change the run committed must arrive at least once: the script waits up to DRAIN seconds for the last
#    ones, then counts the changes never delivered and the deliveries repeated. Both are small Python asyncio programs
#    (standard library only, one thread, keep-alive HTTP/1.1 by hand), so that the harness takes little of the
#    machine (the JDK HttpClient cost the writer ~3.5 ms of CPU per request). Target: p99 under 2 s at 200
#    changes/s. Over the measured seconds it also prints the CPU time per change of the service, PostgreSQL (all its
#    processes), the writer and the receiver (/proc/<pid>/stat), which say what bounds the rate.
# The service runs with the deployment's JVM options and pools (README, "Sizing for 2 cores"; JVM_OPTS changes them).
# A measurement, not a test: nothing fails on a figure.
#
#   bench/changes.sh                                    # 100,000 events, limit 500, 200 changes/s for 60 + 60 + 5 s
#   EVENTS=200000 RATE=300 DURATION=120 bench/changes.sh
#   PARTS=webhooks bench/changes.sh                     # only the webhook delay (PARTS=feed: only the feed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
EVENTS=${EVENTS:-100000}; LIMIT=${LIMIT:-500}; RATE=${RATE:-200}; DURATION=${DURATION:-60}; ROUNDS=${ROUNDS:-3}
PARTS=${PARTS:-feed,webhooks}; WEBHOOK_WARMUP=${WEBHOOK_WARMUP:-60}
. bench/lib.sh # the deployment's JVM options and pools (JVM_OPTS …), start_app, stop
PORT=${PORT:-18181}; RECEIVER_PORT=${RECEIVER_PORT:-18199}; DB=${DB:-teams_changes_bench}
JAR=${JAR:-teams-api/target/quarkus-app/quarkus-run.jar} # another build's, to compare
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package -pl teams-api -am

trap 'stop "${started_pid:-}"' EXIT
echo "== fresh database $DB"
$PG -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== starting teams-api on :$PORT"
start_app teams-api $PORT "$JAR" "$DB" /tmp/teams-changes-bench.log QUARKUS_LOG_LEVEL=WARN "${UNLIMITED[@]}"
app=$started_pid

if [[ ",$PARTS," == *,feed,* ]]; then
echo "== seeding $EVENTS changes"
$PG -d "$DB" -v events=$EVENTS -f bench/changes-seed.sql
national=$(scripts/dev-token national --ttl 7200)
provincial=$(scripts/dev-token provincial 510000 --ttl 7200)
base="http://localhost:$PORT"

page_sql=$(mktemp)
echo "\\set p random(0, $((EVENTS - LIMIT)))
select position, id, type, entity_type, entity_id, entity_version, occurred_at, actor_level, body from change_event
 where position > :p order by position limit $LIMIT;" > "$page_sql"
PGB="pgbench -h 127.0.0.1 -U postgres -n -c 1 -j 1 -T 10 -f $page_sql $DB"

echo "== warm-up: two full reads"
python3 bench/changes.py read "$base" "$national" "$LIMIT" >/dev/null
python3 bench/changes.py read "$base" "$provincial" "$LIMIT" >/dev/null

declare -A sum=([pgbench]=0 [national]=0 [provincial]=0)
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round"
  tps=$($PGB 2>/dev/null | awk '/tps = / {print $3; exit}')
  rate=$(echo "scale=0; $tps * $LIMIT / 1" | bc)
  echo "PostgreSQL alone: $tps pages/s = $rate events/s"; sum[pgbench]=$(echo "${sum[pgbench]} + $rate" | bc)
  for level in national provincial; do
    read -r events pages seconds < <(python3 bench/changes.py read "$base" "${!level}" "$LIMIT")
    rate=$(echo "scale=0; $events / $seconds" | bc)
    echo "feed as $level: $events events in $pages pages, ${seconds}s = $rate events/s"
    sum[$level]=$(echo "${sum[$level]} + $rate" | bc)
  done
done
fi

if [[ ",$PARTS," == *,webhooks,* ]]; then
national=${national:-$(scripts/dev-token national --ttl 7200)}
base="http://localhost:$PORT"
echo
echo "== webhook delay at $RATE changes/s for ${DURATION}s after ${WEBHOOK_WARMUP}s"
$PG -d "$DB" -v units=200 -v teams=400 -f bench/seed-registry.sql
teams=$(mktemp)
$PG -d "$DB" -tAc "select id from team where status <> 'EXITED' order by id" > "$teams"
# the writer and the receiver are small Python asyncio programs (standard library), so that the service, not the
# harness, gets the 2 cores
from=$($PG -d "$DB" -tAc "select coalesce(max(position), 0) from change_event")
subscription=$(curl -sf "$base/api/v1/webhook-subscriptions" -H "Authorization: Bearer $national" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$(date +%s)" \
  -d "{\"targetUrl\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"team.readiness-changed\"],\"description\":\"bench\"}")
read -r subscription_id secret < <(echo "$subscription" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["id"], s["secret"])')
echo "subscribed: $subscription_id"
deliveries=$(mktemp)
# the interpreter itself (not a wrapper such as pyenv's), so that the PIDs below are the programs whose CPU is counted
python=$(python3 -c 'import sys; print(sys.executable)')
"$python" bench/changes/receiver.py "$RECEIVER_PORT" "$secret" "$deliveries" &
receiver=$!
trap 'kill $receiver 2>/dev/null || true; stop "$app"' EXIT
for _ in $(seq 1 50); do curl -sf "localhost:$RECEIVER_PORT/stats" >/dev/null && break; sleep 0.1; done
# CPU time (clock ticks) of the service, PostgreSQL's processes, the writer and the receiver
# (a process that ends meanwhile, such as a psql's backend, counts for nothing: never an error)
ticks() { local pid; for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done | awk '{s += $14 + $15} END {print s + 0}'; }
# the first WEBHOOK_WARMUP seconds of changes warm the service's write and delivery paths up: not counted
measured_from=$(( $(date +%s) + WEBHOOK_WARMUP ))
"$python" bench/changes/writer.py "$base" "$national" "$RATE" "$((WEBHOOK_WARMUP + DURATION + 5))" "$teams" > "$deliveries.writer" &
writer=$!
sleep "$WEBHOOK_WARMUP"
cpu_from=($(ticks $app) $(ticks $(pgrep -x postgres)) $(ticks $writer) $(ticks $receiver))
sleep "$DURATION"
cpu_to=($(ticks $app) $(ticks $(pgrep -x postgres)) $(ticks $writer) $(ticks $receiver))
load_written=$(cut -d' ' -f1-3 /proc/loadavg)
wait $writer
read -r written failed unsent < "$deliveries.writer"
measured_changes=$($PG -d "$DB" -tAc "select count(*) from change_event where position > $from
  and occurred_at >= to_timestamp($measured_from) and occurred_at < to_timestamp($measured_from + $DURATION)")
expected=$(mktemp)
$PG -d "$DB" -tAc "select id from change_event where position > $from and type = 'team.readiness-changed'" | sort > "$expected"
# every change is delivered at least once: wait (up to DRAIN seconds) until each has arrived
for _ in $(seq 1 "${DRAIN:-60}"); do
  read -r received distinct refused < <(curl -sf "localhost:$RECEIVER_PORT/stats")
  [ "$distinct" -ge "$(grep -c . "$expected")" ] && break
  sleep 1
done
sleep 2 # a repeat that is still under way is counted too
kill -TERM $receiver; wait $receiver || true
# where the delay goes, per change (first attempt): change time -> queued for the subscription -> POST started
stages=$($PG -d "$DB" -tA -F' ' -c "with d as (select extract(epoch from m.created_at - c.occurred_at) * 1000 as queued,
    extract(epoch from a.attempted_at - m.created_at) * 1000 as sent, a.duration_ms as answered
  from outbox_message m join change_event c on c.position = m.ordering_position
  join lateral (select attempted_at, duration_ms from webhook_attempt where delivery_id = m.id order by attempted_at limit 1) a on true
  where c.occurred_at >= to_timestamp($measured_from))
select round(percentile_cont(0.5) within group (order by queued)), round(percentile_cont(0.99) within group (order by queued)),
  round(percentile_cont(0.5) within group (order by sent)), round(percentile_cont(0.99) within group (order by sent)),
  round(percentile_cont(0.5) within group (order by answered)), round(percentile_cont(0.99) within group (order by answered)) from d")
measured=$(mktemp)
awk -v from="$measured_from" '$4 == 0 && $2 >= from {print $3}' "$deliveries" > "$measured"
arrived_ids=$(mktemp)
awk '{print $1}' "$deliveries" | sort -u > "$arrived_ids"
lost=$(comm -23 "$expected" "$arrived_ids" | grep -c . || true)
unexpected=$(comm -13 "$expected" "$arrived_ids" | grep -c . || true)
repeats=$(awk '$4 == 1' "$deliveries" | grep -c . || true)
span=$(awk 'NR == 1 {lo = $2 + $3 / 1000; hi = lo} {t = $2 + $3 / 1000; if (t < lo) lo = t; if (t > hi) hi = t} END {printf "%.1f", hi - lo}' "$deliveries")
echo "written: $written changes ($failed failed, $unsent not sent in time) in $((WEBHOOK_WARMUP + DURATION + 5))s; in the ${DURATION}s measured: $measured_changes = $((measured_changes / ${DURATION%.*})) changes/s (load then $load_written)"
hz=$(getconf CLK_TCK)
cpu() { echo "scale=2; (${cpu_to[$1]} - ${cpu_from[$1]}) * 1000 / $hz / $measured_changes" | bc; }
echo "CPU per change written in the ${DURATION}s measured: service $(cpu 0) ms, PostgreSQL $(cpu 1) ms, writer $(cpu 2) ms, receiver $(cpu 3) ms ($(nproc) cores)"
echo "delivered: $(grep -c . "$deliveries") deliveries of $(grep -c . "$arrived_ids") changes in ${span}s = $(echo "scale=0; $(grep -c . "$deliveries") / $span" | bc) deliveries/s"
echo "changes committed: $(grep -c . "$expected"), lost (not delivered within ${DRAIN:-60}s): $lost, delivered more than once: $repeats, not written by this run: $unexpected, refused signatures: $refused"
fi

echo
echo "== commands"
echo "  service:  java $JVM_OPTS -jar $JAR, ${POOLS[*]}"
if [[ ",$PARTS," == *,feed,* ]]; then
echo "  baseline: $PGB   ($(tr '\n' ' ' < "$page_sql"))"
echo "  feed:     python3 bench/changes.py read $base <national|provincial 510000 token> $LIMIT"
fi
[[ ",$PARTS," != *,webhooks,* ]] || echo "  delay:    python3 bench/changes/writer.py $base <national token> $RATE $((WEBHOOK_WARMUP + DURATION + 5)) <team ids>; python3 bench/changes/receiver.py $RECEIVER_PORT <secret> <out>"
echo "== results (mean of $ROUNDS rounds; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg))"
if [[ ",$PARTS," == *,feed,* ]]; then
base_rate=$(echo "scale=0; ${sum[pgbench]} / $ROUNDS" | bc)
printf "  %-34s %10s events/s\n" "PostgreSQL alone (baseline)" "$base_rate"
for level in national provincial; do
  mean=$(echo "scale=0; ${sum[$level]} / $ROUNDS" | bc)
  printf "  %-34s %10s events/s   ratio feed/PostgreSQL = %s\n" "GET /api/v1/changes ($level)" "$mean" \
    "$(echo "scale=2; $mean / $base_rate" | bc)"
done
fi
[[ ",$PARTS," != *,webhooks,* ]] || sort -n "$measured" | awk -v warm="$WEBHOOK_WARMUP" '{d[NR]=$1} END {if (NR == 0) {print "  no delivery received"; exit}
  p50 = int(NR * 0.50) + 1; if (p50 > NR) p50 = NR; p99 = int(NR * 0.99) + 1; if (p99 > NR) p99 = NR
  p95 = int(NR * 0.95) + 1; if (p95 > NR) p95 = NR
  printf "  webhook delay (arrival - change time, after a %ss warm-up): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms over %d deliveries\n", warm, d[p50], d[p95], d[p99], d[NR], NR}'
[[ ",$PARTS," != *,webhooks,* ]] || { read -r q50 q99 s50 s99 a50 a99 <<< "$stages"
  echo "  of which (p50 / p99): change time to queued $q50 / $q99 ms, queued to POST started $s50 / $s99 ms, POST answered in $a50 / $a99 ms"; }
