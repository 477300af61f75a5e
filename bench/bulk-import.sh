#!/usr/bin/env bash
# Bulk import benchmark: a 20,000-member file (CSV or XLSX) imported through the API, and the service's heap meanwhile.
#
# A fresh teams database; teams-api started with -Xmx$HEAP; one supporting unit and TEAMS teams registered through the
# API; a file of ROWS members spread over the teams (valid GB 11643 ID numbers, bench/bulk/members.py) in FORMAT (csv
# or xlsx) uploaded to POST /api/v1/bulk/members/import-jobs (mode MODE, ALL_OR_NOTHING by default: every row
# validated, then applied in one transaction, the worst case for memory; DRY_RUN=true validates only); the job polled
# every second until it ends. Meanwhile `jcmd <pid> GC.heap_info` is read every second and the largest "used" figure
# kept: the peak heap, against the heap before the upload. Printed: the settings, the load average before and after,
# the file's size, each phase's time (upload and counting, validation, application) and the members the teams have
# afterwards. A measurement, not a test: nothing fails on a figure.
#
#   bench/bulk-import.sh                                  # 20,000 rows, CSV, ALL_OR_NOTHING, -Xmx512m, 100 teams
#   FORMAT=xlsx bench/bulk-import.sh                      # the same rows as a workbook
#   ROWS=5000 MODE=VALID_ROWS HEAP=256m TEAMS=1 LOG=/tmp/teams.log bench/bulk-import.sh   # LOG: keep the service's log
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
ROWS=${ROWS:-20000}; MODE=${MODE:-ALL_OR_NOTHING}; HEAP=${HEAP:-512m}; PORT=${PORT:-18183}; DB=${DB:-teams_bulk_bench}
FORMAT=${FORMAT:-csv}; TEAMS=${TEAMS:-100}; DRY_RUN=${DRY_RUN:-false}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
work=$(mktemp -d)
echo "== ROWS=$ROWS FORMAT=$FORMAT MODE=$MODE DRY_RUN=$DRY_RUN TEAMS=$TEAMS HEAP=$HEAP bench/bulk-import.sh"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
[ -f teams-api/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package -pl teams-api -am

echo "== fresh database $DB"
$PG -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== starting teams-api on :$PORT (-Xmx$HEAP)"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN RESCUE_FORCE_BULK_POLL_EVERY=1s \
  java -Xmx$HEAP -Dquarkus.profile=local -jar teams-api/target/quarkus-app/quarkus-run.jar > "$work/teams.log" 2>&1 &
app=$!
sampler=""
trap 'kill $sampler 2>/dev/null || true; kill $app 2>/dev/null; wait $app 2>/dev/null || true; [ -z "${LOG:-}" ] || cp "$work/teams.log" "$LOG"; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf localhost:$PORT/q/health/ready >/dev/null && break; sleep 1; done
curl -sf localhost:$PORT/q/health/ready >/dev/null || { cat "$work/teams.log" >&2; echo "teams-api did not start" >&2; exit 1; }
base="http://localhost:$PORT"
national=$(scripts/dev-token national --ttl 7200)

echo "== a unit and $TEAMS teams"
credit=$(python3 - <<'PY'
chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
body = "91510000MA6BENCH1"
total = sum(chars.index(c) * w for c, w in zip(body, weights))
print(body + chars[(31 - total % 31) % 31])
PY
)
unit=$(curl -sf -H "Authorization: Bearer $national" -H 'Content-Type: application/json' "$base/api/v1/supporting-units" \
  -d "{\"name\":\"四川省煤炭产业集团有限责任公司\",\"creditCode\":\"$credit\",\"province\":\"510000\",\"address\":\"成都市\",\"contactName\":\"王建国\",\"contactPhone\":\"028-86661234\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for t in $(seq 1 "$TEAMS"); do
  code=$(printf 'SC-BENCH-%03d' "$t")
  curl -sf -H "Authorization: Bearer $national" -H 'Content-Type: application/json' "$base/api/v1/teams" \
    -d "{\"code\":\"$code\",\"name\":\"四川省矿山应急救援基准队$t\",\"category\":\"MINING\",\"specialties\":[\"MINE_FIRE\"],\"province\":\"510000\",\"supportingUnitId\":\"$unit\",\"baseLocation\":{\"lat\":30.66,\"lon\":104.06},\"baseAddress\":\"成都市\",\"baseCity\":\"成都市\",\"dutyPhone\":\"028-12345678\"}" >/dev/null
done

echo "== generating $ROWS members ($FORMAT)"
python3 bench/bulk/members.py "$ROWS" "$TEAMS" "$FORMAT" "$work/members.$FORMAT"
size=$(stat -c %s "$work/members.$FORMAT")
echo "   file: $size bytes"

peak_file="$work/peak"
heap_used() { jcmd "$app" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'; }
before=$(heap_used)
( peak=0; while kill -0 $app 2>/dev/null; do u=$(heap_used || echo 0); [ -n "$u" ] && [ "$u" -gt "$peak" ] && peak=$u && echo $peak > "$peak_file"; sleep 1; done ) &
sampler=$!

type=text/csv
[ "$FORMAT" = xlsx ] && type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
echo "== uploading ($MODE, dryRun=$DRY_RUN)"
start=$(date +%s.%N)
job=$(curl -sf -H "Authorization: Bearer $national" -H "Content-Type: $type" --data-binary @"$work/members.$FORMAT" \
  "$base/api/v1/bulk/members/import-jobs?mode=$MODE&dryRun=$DRY_RUN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
counted_at=""; validated_at=""
while true; do
  state=$(curl -sf -H "Authorization: Bearer $national" "$base/api/v1/bulk/members/import-jobs/$job")
  status=$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  if [ -z "$counted_at" ] && [ "$status" != QUEUED ]; then counted_at=$(date +%s.%N); fi
  if [ -z "$validated_at" ] && [ "$status" != QUEUED ] && [ "$status" != VALIDATING ]; then validated_at=$(date +%s.%N); fi
  case "$status" in COMPLETED|REJECTED|FAILED) break ;; esac
  sleep 1
done
end=$(date +%s.%N)
echo "   job: $state"
members=$(curl -sf -H "Authorization: Bearer $national" "$base/api/v1/teams?q=SC-BENCH&size=200" \
  | python3 -c 'import json,sys; print(sum(t.get("headcount", 0) for t in json.load(sys.stdin)["items"]))')
peak=$(cat "$peak_file" 2>/dev/null || echo 0)
python3 - "$start" "${counted_at:-$end}" "${validated_at:-$end}" "$end" "$before" "$peak" "$ROWS" "$size" "$members" "$HEAP" "$FORMAT" <<'PY'
import sys
start, counted, validated, end, before, peak, rows, size, members, heap, fmt = sys.argv[1:]
start, counted, validated, end = float(start), float(counted), float(validated), float(end)
print(f"== {rows} members, {int(size) / 1048576:.1f} MiB {fmt.upper()}, -Xmx{heap}")
print(f"   upload and counting {counted - start:.1f} s, validation {validated - counted:.1f} s "
      f"({int(rows) / max(validated - counted, 0.001):.0f} rows/s), application {end - validated:.1f} s, total {end - start:.1f} s")
print(f"   heap used: {int(before) / 1024:.0f} MiB before the upload, peak {int(peak) / 1024:.0f} MiB (jcmd GC.heap_info, every second)")
print(f"   members of the teams afterwards: {members}")
PY
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
