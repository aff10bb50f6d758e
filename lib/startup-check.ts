// Imported at server start (instrumentation.ts) and by `npm start` (scripts/check-env.ts):
// a bad configuration stops the process with one sentence, not a stack trace.
import { ConfigError, getEnv } from "./env";
import { resolveAuthSecret } from "./auth/secret";

try {
  getEnv();
  // Made (or read) now, so a data folder that cannot hold it stops the start, not the first sign-in.
  resolveAuthSecret();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Parley cannot start: ${error.message}`);
  process.exit(1);
}
