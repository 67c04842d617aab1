#!/usr/bin/env bash
# Runs the Prisma CLI without the native engines, which cannot be downloaded here: the client is
# generated with engineType "client" and Migrate uses the WASM schema engine (prisma.config.ts).
# Pointing the engine variables at an existing file stops the CLI from trying to download them.
set -euo pipefail
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-/bin/true}"
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
export CHECKPOINT_DISABLE=1
cd "$(dirname "$0")/.."
exec node_modules/.bin/prisma "$@"
