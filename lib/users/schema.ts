// The inputs of account management, shared by the /admin/users forms, their Server Actions
// (lib/actions/users.ts) and the command-line scripts. Pure: safe to import in client components.
import { z } from "zod";

export const USER_NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const USER_ROLES = ["analyst", "editor", "admin"] as const;

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter an email address." })
  .max(EMAIL_MAX, { error: `Use at most ${EMAIL_MAX} characters.` })
  .pipe(z.email({ error: "Enter an email address like name@example.org." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

export const roleSchema = z.enum(USER_ROLES, { error: "Choose analyst, editor or admin." });

export const userNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(USER_NAME_MAX, { error: `Use at most ${USER_NAME_MAX} characters.` });

/** The sign-in form: the password is only checked for presence (its rules apply when it is set). */
export const SignInInput = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(PASSWORD_MAX_LENGTH * 4),
  next: z.string().optional(),
});

/** An admin creates an account with a password they type or one Parley generates (shown once). */
export const CreateUserInput = z
  .object({
    name: userNameSchema,
    email: emailSchema,
    role: roleSchema,
    passwordChoice: z.enum(["generate", "type"], { error: "Choose how to set the password." }).default("generate"),
    password: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.passwordChoice !== "type") return;
    const checked = passwordSchema.safeParse(input.password ?? "");
    for (const issue of checked.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
  });

export const UserIdInput = z.object({ userId: z.string({ error: "Choose a user." }).min(1, { error: "Choose a user." }) });

export const ChangeRoleInput = z.object({
  userId: z.string({ error: "Choose a user." }).min(1, { error: "Choose a user." }),
  role: roleSchema,
});
