// Imported at server start (instrumentation.ts) and by `npm start` (scripts/check-env.ts):
// a bad configuration stops the process with one sentence, not a stack trace.
import { ConfigError, getEnv } from "./env";

try {
  getEnv();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Parley cannot start: ${error.message}`);
  process.exit(1);
}
