#!/usr/bin/env bash
# Contract fuzzing of the three services over HTTP, from openapi/{teams,equipment,assessment}-api.yaml (with
# common.yaml). Builds the small Java tool in bench/fuzz (not a module of the root build), starts the suite
# with scripts/run --no-build (embedded PostgreSQL; the services on 8081-8083) unless FUZZ_REUSE=1 says to use
# services already answering there, seeds objects through the API with development tokens, then sends per
# service valid requests (tokens of every level) and mutations: missing/wrong-typed/out-of-range/overlong/
# bad-enum/bad-format/null/nested-garbage fields, malformed or empty JSON, wrong Content-Type, bad path and
# query parameters, bad If-Match/If-None-Match/Idempotency-Key headers, absent, garbage, expired, forged
# tokens. Fails on any 5xx, any 2xx to a request the contract forbids, any 4xx that is not an
# application/problem+json with a type; prints each with a curl line that reproduces it.
#
#   bench/fuzz.sh                                   # seed 42, 10,000 requests (at most 300 s) per service
#   SEED=7 REQUESTS=20000 SECONDS_PER_SERVICE=600 THREADS=2 bench/fuzz.sh
# Only local addresses are targets (localhost); the run is bounded in requests and in time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SEED=${SEED:-42}; REQUESTS=${REQUESTS:-10000}; SECONDS_PER_SERVICE=${SECONDS_PER_SERVICE:-300}; THREADS=${THREADS:-3}
# the suite's embedded PostgreSQL on a port of its own, so that another scripts/run on this machine does not clash
export LOCAL_PG_PORT=${LOCAL_PG_PORT:-55439}
# the fuzzer sends hundreds of requests a second from one address, with a few tokens (one caller per level): both rate
# limits (README, "Rate limits": the caller bucket, and the address bucket of the requests without an accepted token,
# forged and expired ones included) are raised for the suite started here, so that every request reaches the code it
# fuzzes instead of a 429. Services reused with FUZZ_REUSE=1 keep the limits they were started with.
export RESCUE_FORCE_RATE_LIMIT_CALLER_REQUESTS_PER_MINUTE=${RESCUE_FORCE_RATE_LIMIT_CALLER_REQUESTS_PER_MINUTE:-1000000000}
export RESCUE_FORCE_RATE_LIMIT_CALLER_BURST=${RESCUE_FORCE_RATE_LIMIT_CALLER_BURST:-1000000000}
export RESCUE_FORCE_RATE_LIMIT_PUBLIC_REQUESTS_PER_MINUTE=${RESCUE_FORCE_RATE_LIMIT_PUBLIC_REQUESTS_PER_MINUTE:-1000000000}
export RESCUE_FORCE_RATE_LIMIT_PUBLIC_BURST=${RESCUE_FORCE_RATE_LIMIT_PUBLIC_BURST:-1000000000}
ports=(8081 8082 8083)
answering() { curl -sf -o /dev/null "http://localhost:$1/q/health/ready"; }

./mvnw -B -q -o -f bench/fuzz/pom.xml package 2>/dev/null || ./mvnw -B -q -f bench/fuzz/pom.xml package

suite=""
if [ "${FUZZ_REUSE:-0}" = 1 ]; then
  for p in "${ports[@]}"; do answering "$p" || { echo "FUZZ_REUSE=1 but nothing answers on :$p" >&2; exit 1; }; done
else
  for p in "${ports[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "port $p is taken: stop what runs there, or set FUZZ_REUSE=1 to fuzz the services answering there" >&2; exit 1
    fi
  done
  [ -f assessment-api/target/quarkus-app/quarkus-run.jar ] && [ -f scripts/devkit/target/devkit.jar ] \
    || ./mvnw -B -q -DskipTests package
  log=bench/fuzz/target/suite.log
  echo "== starting the suite (scripts/run --no-build), log in $log"
  scripts/run --no-build > "$log" 2>&1 &
  suite=$! # scripts/run execs the suite launcher, which stops the services and PostgreSQL when it is stopped
  trap 'kill $suite 2>/dev/null; wait $suite 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    answering 8081 && answering 8082 && answering 8083 && break
    kill -0 $suite 2>/dev/null || { echo "the suite stopped: $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 1
  done
  for p in "${ports[@]}"; do answering "$p" || { echo "nothing answers on :$p after 180 s: $log" >&2; exit 1; }; done
fi

echo "== fuzzing (seed $SEED, $REQUESTS requests or ${SECONDS_PER_SERVICE} s per service, $THREADS threads)"
rm -rf bench/fuzz/target/fuzz-cases
status=0
java -Xmx512m -Ddevkit.key=scripts/devkit/src/main/resources/dev-keys/private.pem \
  -cp "bench/fuzz/target/classes:$(cat bench/fuzz/target/classpath.txt)" cn.rescueforce.fuzz.Fuzz \
  --seed "$SEED" --requests "$REQUESTS" --seconds "$SECONDS_PER_SERVICE" --threads "$THREADS" --contracts openapi \
  --service teams-api=http://localhost:8081 --service equipment-api=http://localhost:8082 \
  --service assessment-api=http://localhost:8083 2> >(grep -v "^SLF4J" >&2) | tee bench/fuzz/target/fuzz-report.txt || status=$?
echo "(report: bench/fuzz/target/fuzz-report.txt; request bodies too long for a curl line: bench/fuzz/target/fuzz-cases/)"
exit $status
