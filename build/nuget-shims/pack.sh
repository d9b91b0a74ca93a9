#!/usr/bin/env bash
# Rebuilds the two metadata-only shim packages into build/nuget-shims/feed (committed, so a clean
# clone restores with plain `dotnet restore`). Run only when the shims change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for p in Patched.DistributedLock.Core Patched.DistributedLock.Postgres; do
  dotnet pack "$here/$p/$p.csproj" -c Release -o "$here/feed" --nologo -v q
done
