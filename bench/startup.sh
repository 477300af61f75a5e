#!/usr/bin/env bash
# Start-up against the bare reference application (bench/reference: Quarkus REST + Jackson, Hibernate ORM Panache,
# JDBC PostgreSQL and quarkus-oidc, one entity): from `java -jar` to the first 200 of /q/health/ready, each service
# (its database already migrated) right after a start of the reference, alternated STARTS times, with the JVM options
# and environment of the deployment (README, "Deployment"). Prints each start, then per service the mean and median
# of both and their ratio (target ≤ 1.10), and the processor time each used until ready, with the commands, nproc and
# the load average. Each service starts with its AppCDS archive, as its image does (Dockerfile.jvm): the archive,
# target/quarkus-app/app-cds.jsa, is created first when missing or older than the package, by the same command as in
# the image (the application up to its static initialisation, no database); the reference, the bare application,
# starts without one. CDS=off starts the services without it too.
# A measurement, not a test: nothing fails on a figure (the run fails only when something does not start).
#
#   bench/startup.sh                                  # the three services, 3 alternated starts each: about 3 minutes
#   STARTS=5 SERVICES="teams-api" bench/startup.sh
#   JVM_OPTS="-Xmx134m -XX:+UseSerialGC -Xlog:startuptime" bench/startup.sh
# bench/reads.sh measures teams-api's start-up the same way within its run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SERVICES=${SERVICES:-teams-api equipment-api assessment-api}; STARTS=${STARTS:-3}; CDS=${CDS:-on}
REF_PORT=${REF_PORT:-18590}; PORT=${PORT:-18591}; DB_PREFIX=${DB_PREFIX:-startup_bench}
. bench/lib.sh # the deployment's JVM options and pools (JVM_OPTS …), start_app, stop, appcds_archive
# assessment-api's evidence store: credentials are required at start, the store itself is not contacted. Without
# Keycloak here, equipment-api and assessment-api would never be ready (their service account has no secret, kit
# ServiceAccountReadiness): the check is told to report the problem and stay UP, as teams-api's does, so ready means
# started with its database, as the reference's (in a cluster the first probe also waits for the first token)
EXTRA_ENV=(EVIDENCE_STORE_ACCESS_KEY=bench EVIDENCE_STORE_SECRET_KEY=bench RESCUE_FORCE_SERVICE_ACCOUNT_REQUIRED_FOR_READINESS=false)
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
work=$(mktemp -d)

pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
echo "== building (what is missing)"
for s in $SERVICES; do
  [ -f "$s/target/quarkus-app/quarkus-run.jar" ] || ./mvnw -B -q -o -DskipTests package -pl "$s" -am \
    || ./mvnw -B -q -DskipTests package -pl "$s" -am
done
[ -f bench/reference/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -o -f bench/reference/pom.xml package \
  || ./mvnw -B -q -f bench/reference/pom.xml package

# the AppCDS archive of a service's package, as its Dockerfile.jvm creates it
archive() { # app-dir
  [ "$CDS" = on ] || return 0
  appcds_archive "$1" "${EXTRA_ENV[@]}"
}
trap 'stop "${started_pid:-}"; rm -rf "$work"' EXIT
for s in $SERVICES; do archive "$s/target/quarkus-app"; done

db_of() { echo "${DB_PREFIX}_${1//-/_}"; }
# the command line a start uses (for the record): from the package's directory, with its archive if any
cds_opts() { # app-dir
  if [ "$CDS" = on ] && [ -f "$1/app-cds.jsa" ]; then echo "-XX:SharedArchiveFile=app-cds.jsa"; fi
}
# starts one application from its directory and stops it again: the seconds from `java` to its first 200 from
# /q/health/ready in started_secs, Quarkus' own "started in" in started_log
start() { # name port app-dir db log
  # shellcheck disable=SC2046 # the archive's option, or none
  start_app "$1" "$2" "$3/quarkus-run.jar" "$4" "$5" QUARKUS_LOG_LEVEL=INFO "${EXTRA_ENV[@]}" -- $(cds_opts "$3")
  started_log=$(grep -o 'started in [0-9.]*s' "$5" | tail -1 | tr -dc '0-9.')
  # the processor time the JVM used until then (user + system, all its threads): less disturbed than the wall
  # clock by other processes on a shared machine
  started_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$started_pid/stat")
  stop "$started_pid"
}
stats() { # values… -> "mean median"
  printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1; s += $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f", s / NR, m}'
}

echo "== fresh databases ${DB_PREFIX}_*, each migrated by its service's first start (not counted)"
for s in $SERVICES; do
  db=$(db_of "$s")
  $PG -d postgres -c "drop database if exists $db" -c "create database $db"
  start "$s" $PORT "$s/target/quarkus-app" "$db" "$work/$s-first.log"
done

echo "== start-up, $STARTS times each, alternated with the reference (java -jar to the first 200 of /q/health/ready)"
declare -A ref_up app_up ref_cpu app_cpu
for s in $SERVICES; do ref_up[$s]=""; app_up[$s]=""; ref_cpu[$s]=""; app_cpu[$s]=""; done
for i in $(seq 1 "$STARTS"); do
  for s in $SERVICES; do
    db=$(db_of "$s")
    start reference $REF_PORT bench/reference/target/quarkus-app "$db" "$work/reference.log"; r=$started_secs; rl=$started_log; rc=$started_cpu
    start "$s" $PORT "$s/target/quarkus-app" "$db" "$work/$s.log"; a=$started_secs; al=$started_log; ac=$started_cpu
    ref_up[$s]+="$r "; app_up[$s]+="$a "; ref_cpu[$s]+="$rc "; app_cpu[$s]+="$ac "
    printf "  start %d  reference %5.2f s (started in %s s, cpu %s s)  %-14s %5.2f s (started in %s s, cpu %s s)  ratio %.2f  load %s\n" \
      "$i" "$r" "$rl" "$rc" "$s" "$a" "$al" "$ac" "$(echo "scale=4; $a / $r" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done

echo
echo "== commands"
echo "  reference  (cd bench/reference/target/quarkus-app; java $JVM_OPTS $(cds_opts bench/reference/target/quarkus-app)-Dquarkus.profile=local -jar quarkus-run.jar)"
for s in $SERVICES; do
  echo "  $(printf '%-10s' "$s") (cd $s/target/quarkus-app; java $JVM_OPTS $(cds_opts "$s/target/quarkus-app") -Dquarkus.profile=local -jar quarkus-run.jar)"
done
echo "  with ${POOLS[*]}, each against its migrated database; ready = first 200 of GET /q/health/ready, polled every 20 ms"
echo "== results: $STARTS alternated starts each; $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
printf "  %-15s %24s %24s %18s %18s\n" "" "reference mean/median" "service mean/median" "ratio mean/median" "cpu ratio (mean)"
for s in $SERVICES; do
  read -r rm rmed <<< "$(stats ${ref_up[$s]})"; read -r am amed <<< "$(stats ${app_up[$s]})"
  read -r rc _ <<< "$(stats ${ref_cpu[$s]})"; read -r ac _ <<< "$(stats ${app_cpu[$s]})"
  printf "  %-15s %9s s %9s s  %9s s %9s s  %8s %8s   %s/%s s = %s   (target ≤ 1.10)\n" "$s" "$rm" "$rmed" "$am" "$amed" \
    "$(echo "scale=4; $am / $rm" | bc | xargs printf "%.2f")" "$(echo "scale=4; $amed / $rmed" | bc | xargs printf "%.2f")" \
    "$ac" "$rc" "$(echo "scale=4; $ac / $rc" | bc | xargs printf "%.2f")"
done
echo "  (cpu: the processor time each JVM used until it was ready, user + system of all its threads)"
