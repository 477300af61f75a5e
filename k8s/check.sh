#!/usr/bin/env bash
# Manifest checks: renders every overlay with `kubectl kustomize`, validates the core resources against the
# Kubernetes schemas (npm kubernetes-models) and the operator resources structurally, and enforces the
# project rules (k8s/README.md "Checks"). Offline after the first npm install. Exit 1 on any problem.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${K8S_CHECK_OUT:-$here/../target/k8s}"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "k8s/check.sh: kubectl is missing. Install a kubectl client >= 1.27 (it renders kustomize offline), e.g." >&2
  echo "  Debian: add the Kubernetes apt repository (pkgs.k8s.io), then apt-get install -y kubectl" >&2
  exit 1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "k8s/check.sh: node and npm (Node 18+) are needed for the schema validation (apt-get install -y nodejs npm)" >&2
  exit 1
fi

# the validator's packages, pinned by validate/package-lock.json, installed beside it (ignored by git)
if [ ! -d "$here/validate/node_modules/kubernetes-models" ] || [ ! -d "$here/validate/node_modules/yaml" ]; then
  (cd "$here/validate" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$out"
args=()
for dir in "$here"/overlays/*/; do
  overlay="$(basename "$dir")"
  kubectl kustomize "$dir" > "$out/$overlay.yaml"
  args+=("$overlay" "$out/$overlay.yaml")
done
node "$here/validate/validate.mjs" "${args[@]}"

# the images the manifests name are built from the standard Quarkus JVM Dockerfile of each service
for svc in teams-api equipment-api assessment-api; do
  dockerfile="$here/../$svc/src/main/docker/Dockerfile.jvm"
  [ -f "$dockerfile" ] || { echo "FAIL $svc: no src/main/docker/Dockerfile.jvm" >&2; exit 1; }
  from="$(awk '/^FROM /{print $2}' "$dockerfile")"
  case "$from" in
    *@sha256:*) ;;
    *:latest|"") echo "FAIL $svc: Dockerfile.jvm base image must be pinned (is '$from')" >&2; exit 1 ;;
    */*:*) ;;
    *) echo "FAIL $svc: Dockerfile.jvm base image has no tag (is '$from')" >&2; exit 1 ;;
  esac
  grep -q '^USER 185$' "$dockerfile" || { echo "FAIL $svc: Dockerfile.jvm must run as USER 185" >&2; exit 1; }
  grep -q "image: rescue-force/$svc:" "$here/base/$svc/deployment.yaml" \
    || { echo "FAIL $svc: base/$svc/deployment.yaml must use the image rescue-force/$svc" >&2; exit 1; }
done
echo "Dockerfiles: pinned base images, non-root"
