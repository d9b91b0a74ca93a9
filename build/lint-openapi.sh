#!/usr/bin/env bash
# Lints the committed OpenAPI document (docs/openapi.json) with Redocly's recommended rules (redocly.yaml).
# Fails on any error; warnings are printed (the ones we keep are listed in README.md, "The OpenAPI document").
# The integration test OpenApiContractTests keeps docs/openapi.json equal to what the API serves.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
REDOCLY_VERSION=2.77.0

if ! command -v npx >/dev/null 2>&1; then
  echo "lint-openapi.sh: npx (Node.js) is needed to lint the OpenAPI document" >&2
  exit 1
fi
cd "$ROOT"
# --yes: no prompt in CI; the Node 20 deprecation banner is noise.
npx --yes "@redocly/cli@$REDOCLY_VERSION" lint docs/openapi.json --config redocly.yaml --max-problems 200 2>&1 \
  | grep -v -E '^ *(║|╔|╚)'
exit "${PIPESTATUS[0]}"
