// `npm run user:set-password -- --email a@example.org [--generate]`
// Replaces an account's password (and ends its sessions), e.g. when an admin has forgotten theirs.
// Asks twice without echo on a terminal; otherwise, or with --generate, prints a generated one once.
import { generatePassword } from "../lib/auth/password";
import { createDb } from "../lib/db";
import { setUserPassword } from "../lib/users/accounts";
import { emailSchema, passwordSchema } from "../lib/users/schema";
import { UsageError, checked, parseOptions, promptHidden, runUserCommand } from "./users/cli";

const USAGE = "npm run user:set-password -- --email <email> [--generate]";

runUserCommand(async () => {
  const options = parseOptions({ email: { type: "string" }, generate: { type: "boolean", default: false } }, USAGE);
  if (!options.email) throw new UsageError(`Give the account's email with --email; usage: ${USAGE}`);
  const email = checked(emailSchema, options.email, "--email");

  let password: string;
  const generated = options.generate || !process.stdin.isTTY;
  if (generated) {
    password = generatePassword();
  } else {
    password = checked(passwordSchema, await promptHidden(`New password for ${email}: `), "Password");
    if ((await promptHidden("The same password again: ")) !== password) {
      throw new UsageError("The two passwords differ; nothing was changed.");
    }
  }

  const db = await createDb();
  try {
    await setUserPassword(db, email, password, { id: null, name: "npm run user:set-password" });
  } finally {
    await db.$disconnect();
  }
  console.log(`Set a new password for ${email}; its sessions have ended.`);
  if (generated) {
    console.log(`Password: ${password}`);
    console.log("It is shown only this once and stored only as a hash; pass it on safely.");
  }
});
