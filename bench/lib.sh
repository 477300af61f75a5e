# What the benchmark scripts share: sourced by them (`. bench/lib.sh` from the repository's root), not run.
#
# The JVM and pool settings of the deployment (README, "Sizing for 2 cores"; k8s/base/<service>/kustomization.yaml):
# heap 35 % of a 384 MiB limit, the serial collector (2 cores), worker threads and connections bounded. A script's
# caller changes them with JVM_OPTS, MAX_THREADS, JDBC_MAX and MALLOC_ARENA_MAX.
JVM_OPTS=${JVM_OPTS:--Xmx134m -XX:+UseSerialGC}
POOLS=(QUARKUS_THREAD_POOL_MAX_THREADS=${MAX_THREADS:-32} QUARKUS_DATASOURCE_JDBC_MAX_SIZE=${JDBC_MAX:-16}
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2})
# one client sends thousands of requests a second: the per-caller and public rate limits are raised so that a
# benchmark measures the answers, not the refusals
UNLIMITED=(RESCUE_FORCE_RATE_LIMIT_PUBLIC_REQUESTS_PER_MINUTE=1000000000 RESCUE_FORCE_RATE_LIMIT_PUBLIC_BURST=1000000000
  RESCUE_FORCE_RATE_LIMIT_CALLER_REQUESTS_PER_MINUTE=1000000000 RESCUE_FORCE_RATE_LIMIT_CALLER_BURST=1000000000)

# Starts `java $JVM_OPTS [JAVA_ARGS…] -Dquarkus.profile=local -jar JAR` from the jar's directory (so that an AppCDS
# archive beside it is found as in the image), on PORT against the database DB of the PostgreSQL on 127.0.0.1:5432,
# with the deployment's pools and the environment given, its output in LOG; waits for its first 200 from
# /q/health/ready (up to 120 s). Sets started_pid (as soon as it runs, so that an EXIT trap can stop it) and
# started_secs, the seconds from `java` to that 200. Exits the script, with the log's tail, when it does not start.
start_app() { # name port jar db log [VAR=value …] [-- java-args …]
  local name=$1 port=$2 jar=$3 db=$4 log=$5 t0 env=() args=()
  shift 5
  while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
  if [ $# -gt 0 ]; then shift; args=("$@"); fi
  ! curl -s -o /dev/null "localhost:$port" || { echo "port $port is taken: $name cannot start there" >&2; exit 1; }
  t0=$(date +%s.%N)
  # the reactive URL is for the reference (bench/reference: its event-loop reads); the services have no reactive
  # client and ignore it
  # shellcheck disable=SC2086 # JVM_OPTS is a list of options
  (cd "$(dirname "$jar")" && exec env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$db" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_HTTP_PORT="$port" "${POOLS[@]}" "${env[@]}" \
    java $JVM_OPTS "${args[@]}" -Dquarkus.profile=local -jar "$(basename "$jar")") > "$log" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 6000); do
    curl -sf -o /dev/null "localhost:$port/q/health/ready" && break
    kill -0 "$started_pid" 2>/dev/null || break
    sleep 0.02
  done
  curl -sf -o /dev/null "localhost:$port/q/health/ready" || { tail -30 "$log" >&2; echo "$name did not start: $log" >&2; exit 1; }
  started_secs=$(echo "$(date +%s.%N) - $t0" | bc)
}

# Stops a process and waits (up to 20 s) until it has ended; nothing to do without a pid or once it has.
stop() { # pid
  [ -n "${1:-}" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 200); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
}

# The AppCDS archive of a service's package (APP_DIR/app-cds.jsa), as its Dockerfile.jvm creates it: the prod
# profile's start with Keycloak and the database at a closed port, which ends at Flyway's first connection; the
# same JDK and jar paths. Created when missing or older than the package's jars. The environment given goes to that
# start too (a service that needs credentials to start).
appcds_archive() { # app-dir [VAR=value …]
  local dir=$1 log; shift
  if [ ! -f "$dir/app-cds.jsa" ] || [ -n "$(find "$dir" -name '*.jar' -newer "$dir/app-cds.jsa" | head -1)" ]; then
    echo "   creating $dir/app-cds.jsa"
    rm -f "$dir/app-cds.jsa"
    log=$(mktemp)
    # shellcheck disable=SC2086 # JVM_OPTS is a list of options
    (cd "$dir" && exec env QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:9/realms/none \
      QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:9/none "$@" \
      java $JVM_OPTS -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar) \
      > "$log" 2>&1 || true
    [ -s "$dir/app-cds.jsa" ] || { tail -20 "$log" >&2; echo "no AppCDS archive for $dir" >&2; exit 1; }
    rm -f "$log"
  fi
}
