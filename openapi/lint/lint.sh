#!/usr/bin/env bash
# Contract lint: Spectral with the OpenAPI recommended rules and the OWASP API security ruleset
# (ruleset lint/.spectral.yaml) on the files of openapi/ named as arguments (default: all of them), e.g.
# `openapi/lint/lint.sh teams-api`. Exit 1 on any error; only errors are listed (run spectral without
# --display-only-failures to see the warnings too).
# Offline after the first npm install (packages pinned by lint/package-lock.json, installed beside it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "openapi/lint/lint.sh: node and npm (Node 18+) are needed (apt-get install -y nodejs npm)" >&2
  exit 1
fi
if [ ! -x "$here/node_modules/.bin/spectral" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$here"
status=0
contracts=("$@")
[ ${#contracts[@]} -gt 0 ] || contracts=(common teams-api equipment-api assessment-api)
for contract in "${contracts[@]}"; do
  echo "== openapi/$contract.yaml"
  node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error --display-only-failures \
    "../$contract.yaml" || status=1
done
exit $status
