#!/usr/bin/env bash
# Issue 17 benchmark: a 20,000-member file imported through the API, and the service's heap meanwhile.
#
# A fresh teams database; teams-api started with -Xmx$HEAP; one supporting unit and one team registered through the
# API; a CSV of ROWS members (valid GB 11643 ID numbers, generated here) uploaded to POST
# /api/v1/bulk/members/import-jobs (mode MODE, ALL_OR_NOTHING by default: every row validated, then applied in one
# transaction, the worst case for memory); the job polled until it ends. Meanwhile `jcmd <pid> GC.heap_info` is read
# every second and the largest "used" figure kept: the peak heap, against the heap before the upload. Also printed:
# the file's size, the time of each phase (validation, application) and the members the team has afterwards.
# A measurement, not a test: nothing fails on a figure.
#
#   bench/bulk-import.sh                          # 20,000 rows, ALL_OR_NOTHING, -Xmx512m
#   ROWS=5000 MODE=VALID_ROWS HEAP=256m bench/bulk-import.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
ROWS=${ROWS:-20000}; MODE=${MODE:-ALL_OR_NOTHING}; HEAP=${HEAP:-512m}; PORT=${PORT:-18183}; DB=${DB:-teams_bulk_bench}
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
work=$(mktemp -d)

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
trap 'kill $sampler 2>/dev/null || true; kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/q/health/ready >/dev/null && break; sleep 1; done
curl -sf localhost:$PORT/q/health/ready >/dev/null || { cat "$work/teams.log" >&2; echo "teams-api did not start" >&2; exit 1; }
base="http://localhost:$PORT"
national=$(scripts/dev-token national --ttl 7200)

echo "== a unit and a team"
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
curl -sf -H "Authorization: Bearer $national" -H 'Content-Type: application/json' "$base/api/v1/teams" \
  -d "{\"code\":\"SC-BENCH-01\",\"name\":\"四川省矿山应急救援基准队\",\"category\":\"MINING\",\"specialties\":[\"MINE_FIRE\"],\"province\":\"510000\",\"supportingUnitId\":\"$unit\",\"baseLocation\":{\"lat\":30.66,\"lon\":104.06},\"baseAddress\":\"成都市\",\"baseCity\":\"成都市\",\"dutyPhone\":\"028-12345678\"}" >/dev/null

echo "== generating $ROWS members"
python3 - "$ROWS" "$work/members.csv" <<'PY'
import csv, sys
rows, path = int(sys.argv[1]), sys.argv[2]
weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_number(n):
    # birth dates repeat every 420 numbers (lcm of 30 years, 12 months, 28 days); the sequence digits tell them apart
    body = "510115%04d%02d%02d%03d" % (1970 + n % 30, 1 + n % 12, 1 + n % 28, n // 420 % 1000)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
seen = set()
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["队伍编码 / teamCode", "姓名 / name", "职务 / role", "人才类型 / talentType", "身份证号 / idNumber",
                "手机号码 / phone", "入队日期 / joinedOn", "培训学时 / trainingHours"])
    n = 0
    while len(seen) < rows:
        number = id_number(n); n += 1
        if number in seen:
            continue
        seen.add(number)
        w.writerow(["SC-BENCH-01", "队员%05d" % len(seen), "RESCUER", "SKILLED_CRAFT", number,
                    "138%08d" % len(seen), "2018-07-01", "40"])
PY
size=$(stat -c %s "$work/members.csv")
echo "   file: $size bytes"

peak_file="$work/peak"
heap_used() { jcmd "$app" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'; }
before=$(heap_used)
( peak=0; while kill -0 $app 2>/dev/null; do u=$(heap_used || echo 0); [ -n "$u" ] && [ "$u" -gt "$peak" ] && peak=$u && echo $peak > "$peak_file"; sleep 1; done ) &
sampler=$!

echo "== uploading ($MODE)"
start=$(date +%s.%N)
job=$(curl -sf -H "Authorization: Bearer $national" -H 'Content-Type: text/csv' --data-binary @"$work/members.csv" \
  "$base/api/v1/bulk/members/import-jobs?mode=$MODE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
validated_at=""
while true; do
  state=$(curl -sf -H "Authorization: Bearer $national" "$base/api/v1/bulk/members/import-jobs/$job")
  status=$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  if [ -z "$validated_at" ] && [ "$status" = APPLYING ]; then validated_at=$(date +%s.%N); fi
  case "$status" in COMPLETED|REJECTED|FAILED) break ;; esac
  sleep 1
done
end=$(date +%s.%N)
echo "   job: $state"
members=$(curl -sf -H "Authorization: Bearer $national" "$base/api/v1/teams?q=SC-BENCH-01" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0].get("headcount"))')
peak=$(cat "$peak_file" 2>/dev/null || echo 0)
python3 - "$start" "${validated_at:-$end}" "$end" "$before" "$peak" "$ROWS" "$size" "$members" "$HEAP" <<'PY'
import sys
start, validated, end, before, peak, rows, size, members, heap = sys.argv[1:]
start, validated, end = float(start), float(validated), float(end)
print(f"== {rows} members, {int(size) / 1048576:.1f} MiB CSV, -Xmx{heap}")
print(f"   validation {validated - start:.1f} s, application {end - validated:.1f} s, total {end - start:.1f} s "
      f"({int(rows) / (end - start):.0f} rows/s)")
print(f"   heap used: {int(before) / 1024:.0f} MiB before the upload, peak {int(peak) / 1024:.0f} MiB (jcmd GC.heap_info, every second)")
print(f"   team headcount afterwards: {members}")
PY
