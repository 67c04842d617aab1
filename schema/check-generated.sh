#!/usr/bin/env bash
# Fails when the checked-in supergraph or codegen output differs from what the sources generate now.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent compose >/dev/null
npm run --silent codegen >/dev/null
if ! git diff --quiet -- schema/supergraph.graphql 'subgraphs/*/generated'; then
  echo "Generated files are stale; run 'npm run compose && npm run codegen' and commit:" >&2
  git --no-pager diff --stat -- schema/supergraph.graphql 'subgraphs/*/generated' >&2
  exit 1
fi
untracked=$(git ls-files --others --exclude-standard -- 'subgraphs/*/generated')
if [ -n "$untracked" ]; then
  echo "Generated files not committed: $untracked" >&2
  exit 1
fi
echo "generated files are current"
