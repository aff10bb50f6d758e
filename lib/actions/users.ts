"use server";
// Account management for admins (/admin/users). Each action is wrapped by adminAction, so the
// caller's role is checked inside it before the input is read; the work itself is in
// lib/users/accounts.ts, shared with the command-line scripts, and writes a Revision.
import { revalidatePath } from "next/cache";
import { getDb } from "../db";
import type { CurrentUser } from "../auth/roles";
import { generatePassword } from "../auth/password";
import { AccountError, changeUserRole, createUserAccount, deleteUser as deleteAccount, disableUser as disableAccount, enableUser as enableAccount, type Actor } from "../users/accounts";
import { ChangeRoleInput, CreateUserInput, UserIdInput } from "../users/schema";
import { ActionError, adminAction } from "./safe-action";

const PAGE = "/admin/users";

const actorOf = (user: CurrentUser): Actor => ({ id: user.id, name: user.name });

/** Runs an account change, turning its refusals into the form's message. */
async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) {
      throw new ActionError(error.message, error.field ? { fieldErrors: { [error.field]: [error.message] } } : {});
    }
    throw error;
  }
}

export const createUser = adminAction(CreateUserInput, async (input, admin) => {
  const generated = input.passwordChoice === "generate";
  const password = generated ? generatePassword() : (input.password ?? "");
  const db = await getDb();
  await attempt(() => createUserAccount(db, { name: input.name, email: input.email, role: input.role, password }, actorOf(admin)));
  revalidatePath(PAGE);
  return {
    ok: true,
    message: `Created ${input.name} (${input.email}) as ${input.role}.`,
    // Shown once to the admin, who passes it on; it is stored only as a hash.
    data: { email: input.email, generatedPassword: generated ? password : undefined },
  };
});

export const updateUserRole = adminAction(ChangeRoleInput, async (input, admin) => {
  const db = await getDb();
  await attempt(() => changeUserRole(db, input.userId, input.role, actorOf(admin)));
  revalidatePath(PAGE);
  return { ok: true, message: `Role changed to ${input.role}.` };
});

export const disableUser = adminAction(UserIdInput, async (input, admin) => {
  const db = await getDb();
  await attempt(() => disableAccount(db, input.userId, actorOf(admin)));
  revalidatePath(PAGE);
  return { ok: true, message: "Account disabled; its sessions have ended." };
});

export const enableUser = adminAction(UserIdInput, async (input, admin) => {
  const db = await getDb();
  await attempt(() => enableAccount(db, input.userId, actorOf(admin)));
  revalidatePath(PAGE);
  return { ok: true, message: "Account enabled." };
});

export const deleteUser = adminAction(UserIdInput, async (input, admin) => {
  const db = await getDb();
  await attempt(() => deleteAccount(db, input.userId, actorOf(admin)));
  revalidatePath(PAGE);
  return { ok: true, message: "Account deleted." };
});
