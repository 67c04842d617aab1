#!/usr/bin/env bash
# Fails when the checked-in supergraph or codegen output differs from what the sources generate now:
# the subgraphs' resolver types, and the client SDK's documents, types and trusted-documents manifest
# (clients/sdk/src/generated/persisted-documents.json, which the gateway loads with TRUSTED_DOCUMENTS=enforce).
set -euo pipefail
cd "$(dirname "$0")/.."
# 'subgraphs/*/generated/*', not '.../generated': a pathspec glob must match the files' whole paths.
generated=(schema/supergraph.graphql schema/operations/generated 'subgraphs/*/generated/*' clients/sdk/src/generated)
npm run --silent compose >/dev/null
npm run --silent sdk:operations >/dev/null
npm run --silent codegen >/dev/null
if ! git diff --quiet -- "${generated[@]}"; then
  echo "Generated files are stale; run 'npm run generate' and commit:" >&2
  git --no-pager diff --stat -- "${generated[@]}" >&2
  exit 1
fi
untracked=$(git ls-files --others --exclude-standard -- "${generated[@]}")
if [ -n "$untracked" ]; then
  echo "Generated files not committed: $untracked" >&2
  exit 1
fi
echo "generated files are current"
