#!/usr/bin/env bash
# Compiles the TypeScript clients the module's build generated (../target/typescript/SERVICE, typescript-fetch) and
# flow.ts with tsc --strict, into ../target/typescript-js. TypeScript and @types/node are pinned by package-lock.json
# and installed beside it (node_modules, ignored by git) on the first run. Exit 1 on any compile error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "openapi/sdk/typescript/build.sh: node and npm (Node 18+) are needed (apt-get install -y nodejs npm)" >&2
  exit 1
fi
for service in teams-api equipment-api assessment-api; do
  [ -f "$here/../target/typescript/$service/index.ts" ] \
    || { echo "openapi/sdk/typescript/build.sh: no generated client in target/typescript/$service (build the module first)" >&2; exit 1; }
done

if [ ! -x "$here/node_modules/.bin/tsc" ] || [ ! -d "$here/node_modules/@types/node" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$here"
node_modules/.bin/tsc --version
node_modules/.bin/tsc -p tsconfig.json --strict
echo "TypeScript clients and flow.ts compiled (strict) into target/typescript-js"
