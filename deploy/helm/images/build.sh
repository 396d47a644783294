#!/usr/bin/env bash
# Builds (and optionally pushes) the six images the chart runs: <registry>/devshare/<service>:<tag> for the five
# services and <registry>/devshare/console:<tag>.
# For the operator's CI; nothing here runs it (this repository's machines have no container engine).
#
#   deploy/helm/images/build.sh REGISTRY [TAG] [--push]     e.g. build.sh registry.example.com 0.1.0 --push
#
# CONTAINER_ENGINE=podman uses podman instead of docker; SKIP_PACKAGE=1 skips ./mvnw package (already built).
# Deploy a pushed image by digest: <component>.image.digest=sha256:… (see deploy/helm/devshare/README.md).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
REGISTRY=${1:?usage: build.sh REGISTRY [TAG] [--push]}
TAG=${2:-0.1.0}
PUSH=${3:-}
ENGINE=${CONTAINER_ENGINE:-docker}
SERVICES=(partner-service sharing-service device-service project-service notification-service console)

cd "$REPO"
if [[ -z "${SKIP_PACKAGE:-}" ]]; then
  ./mvnw -B -q package -DskipTests
fi
for svc in "${SERVICES[@]}"; do
  [[ -f "$svc/target/quarkus-app/quarkus-run.jar" ]] || { echo "error: $svc/target/quarkus-app is missing" >&2; exit 1; }
  image="$REGISTRY/devshare/$svc:$TAG"
  echo "== $image"
  "$ENGINE" build -f deploy/helm/images/Dockerfile -t "$image" "$svc/target"
  if [[ "$PUSH" == "--push" ]]; then
    "$ENGINE" push "$image"
  fi
done
