// What the account commands share: option parsing with one-sentence errors, a password prompt
// that does not echo, and a runner that prints a refusal as one line and exits 1.
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { ConfigError } from "../../lib/env";
import { AccountError } from "../../lib/users/accounts";

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const reason = (error as Error).message.split(/\.\s/)[0]?.replace(/\.$/, "") ?? "bad options";
    throw new UsageError(`${reason}; usage: ${usage}`);
  }
}

/** The option's value checked by a schema, or a sentence naming the option. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, option: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(`${option}: ${result.error.issues[0]?.message ?? "not valid."}`);
}

/** Reads a line from the terminal without showing what is typed. */
export function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  return new Promise((resolve, reject) => {
    stdout.write(question);
    let answer = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      stdout.write("\n");
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003") return done(new UsageError("Cancelled; nothing was changed."));
        if (char === "\u007f" || char === "\b") answer = answer.slice(0, -1);
        else if (char >= " ") answer += char;
      }
    };
    stdin.on("data", onData);
  });
}

/** Runs a command: refusals (bad options, taken email, bad configuration) print one line and exit 1. */
export function runUserCommand(main: () => Promise<void>): void {
  main().then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof AccountError || error instanceof ConfigError) {
        console.error(error.message);
        process.exitCode = 1;
        return;
      }
      throw error;
    },
  );
}
