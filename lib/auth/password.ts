// Passwords: one hasher for sign-in (lib/auth/auth.ts hands these functions to better-auth),
// the admin page and the command-line scripts, so every stored hash is one better-auth verifies.
// better-auth's default is scrypt (N=16384, r=16, p=1, 64-byte key) with a random salt.
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordSchema } from "../users/schema";

/** 24 characters from 144 random bits, letters, digits, "-" and "_": easy to paste, hard to guess. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

export { hashPassword, verifyPassword };
