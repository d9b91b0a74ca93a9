#!/usr/bin/env bash
# Regenerates the C# client (clients/dotnet/Generated) from docs/openapi.json with the pinned Kiota
# (.config/dotnet-tools.json). With --check: regenerates into a scratch copy and fails when the committed
# client differs (CI runs this, so the client always matches the contract).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null

generate() { # $1 output folder
  dotnet kiota generate -l CSharp -d docs/openapi.json -o "$1" -n Connect.Client -c ConnectApiClient \
    --exclude-backward-compatible --clean-output --log-level Error >/dev/null
}

if [[ ${1:-} == --check ]]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/clients/dotnet"
  generate "$scratch/clients/dotnet/Generated"
  # The lock file names the description by a path relative to the output folder, which differs here. Doc
  # comments are not compared: an enum referenced with several descriptions gets whichever Kiota reads first.
  if ! diff -r -x kiota-lock.json -I '^ *///' "$scratch/clients/dotnet/Generated" clients/dotnet/Generated >&2; then
    echo "generate-client.sh: clients/dotnet/Generated is not what docs/openapi.json generates; run build/generate-client.sh" >&2
    exit 1
  fi
  echo "generate-client.sh: the C# client matches docs/openapi.json"
else
  generate clients/dotnet/Generated
fi
