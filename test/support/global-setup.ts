// Runs once before any test file: migrates the SQLite template the database tests copy
// (test/support/sqlite-template.ts), so that parallel test files do not each make it.
import { sqliteTemplate } from "./sqlite-template";

export default async function setup(): Promise<void> {
  await sqliteTemplate();
}
