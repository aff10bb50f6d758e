// Next.js calls register() once when a server starts. The configuration is checked here too,
// so `next start` run directly (without `npm start`) also refuses a bad one in one sentence.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check");
}
