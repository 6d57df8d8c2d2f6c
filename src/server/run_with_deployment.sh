#!/bin/sh
# Runs serve_multiserver_test (its path: $1) with CANJE_DEPLOYMENT_DIR naming a new folder, and
# stops the deployment the test brings up there (scripts/local-deployment stop: its servers,
# nginx, its database) however the test ends — even if it crashes before its own cleanup.
# Skipped (77) without CANJE_TEST_POSTGRES_URL, like the other PostgreSQL tests.
[ -n "$CANJE_TEST_POSTGRES_URL" ] || { echo 'no CANJE_TEST_POSTGRES_URL: skipped'; exit 77; }
script="$(dirname "$0")/../../scripts/local-deployment"
base=$(mktemp -d)
# PostgreSQL (a replica, a restored cluster) runs as nobody when the tests run as root.
chmod 711 "$base"
trap '"$script" stop "$base/deployment"; rm -rf "$base"' EXIT
trap 'exit 1' INT TERM
CANJE_DEPLOYMENT_DIR="$base/deployment" "$@"
