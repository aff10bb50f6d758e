// `npm run user:create -- --email a@example.org --role admin [--name "Ada Admin"] [--generate]`
// Makes an account; this is how the first admin comes to exist (Parley ships no default one).
// On a terminal it asks for the password twice without echo; otherwise, or with --generate, it
// generates a strong one and prints it once. Only the hash is stored.
import { generatePassword } from "../lib/auth/password";
import { createDb } from "../lib/db";
import { createUserAccount } from "../lib/users/accounts";
import { emailSchema, passwordSchema, roleSchema, userNameSchema } from "../lib/users/schema";
import { UsageError, checked, parseOptions, promptHidden, runUserCommand } from "./users/cli";

const USAGE = 'npm run user:create -- --email <email> --role analyst|editor|admin [--name "<name>"] [--generate]';

runUserCommand(async () => {
  const options = parseOptions(
    {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      generate: { type: "boolean", default: false },
    },
    USAGE,
  );
  if (!options.email) throw new UsageError(`Give the account's email with --email; usage: ${USAGE}`);
  if (!options.role) throw new UsageError(`Give the account's role with --role (analyst, editor or admin); usage: ${USAGE}`);
  const email = checked(emailSchema, options.email, "--email");
  const role = checked(roleSchema, options.role, "--role");
  const name = checked(userNameSchema, options.name ?? email.split("@")[0], "--name");

  let password: string;
  const generated = options.generate || !process.stdin.isTTY;
  if (generated) {
    password = generatePassword();
  } else {
    password = checked(passwordSchema, await promptHidden(`Password for ${email}: `), "Password");
    if ((await promptHidden("The same password again: ")) !== password) {
      throw new UsageError("The two passwords differ; nothing was changed.");
    }
  }

  const db = await createDb();
  try {
    await createUserAccount(db, { name, email, role, password }, { id: null, name: "npm run user:create" });
  } finally {
    await db.$disconnect();
  }
  console.log(`Created ${role} ${name} <${email}>.`);
  if (generated) {
    console.log(`Password: ${password}`);
    console.log("It is shown only this once and stored only as a hash; pass it on safely.");
  }
});
