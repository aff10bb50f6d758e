// The schema's enums, for code on either provider (and in the browser). Prisma writes them into
// each generated client; the two files come from the same models (prisma/schema.base.prisma),
// and the check below fails the build if they ever differ in a name or a value. The talk
// document's zod enums (lib/talk-document/schema.ts) describe a file format, not the database,
// so they are not the source here (docs/decisions/010-one-db-type.md).
export * from "./generated/sqlite/enums";

type SqliteEnums = typeof import("./generated/sqlite/enums");
type PostgresEnums = typeof import("./generated/postgresql/enums");
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<SqliteEnums, PostgresEnums>;
