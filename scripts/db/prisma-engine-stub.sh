#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on Parley's machines.
# `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY names a file; it never runs it.
echo "Parley does not use Prisma's native schema engine. Use our commands instead:" >&2
echo "  npm run db:migrate | db:migrate:create -- <name> | db:reset | db:status" >&2
echo "(they run @prisma/schema-engine-wasm; see docs/decisions/001-offline-migrations.md)" >&2
exit 1
