// How many sign-in attempts may reach the password check (docs/decisions/004-auth.md).
//
// Two budgets, both kept in the RateLimit table (lib/auth/rate-limit.ts) so every instance shares
// them: one per client address (lib/auth/client-address.ts) and one per account (the email as
// typed, lower-cased, whether or not such an account exists — so the answer reveals nothing). An
// attempt is counted against both BEFORE its password is hashed, atomically, so a flood of
// guesses is refused without costing a scrypt hash each, and concurrent guesses cannot all slip
// past a stale count. A sign-in that succeeds gives its count back: only failures spend a budget.
import type { RateLimitDecision, RateLimitRule } from "./rate-limit";

/** 5 attempts a minute per client address: a person mistyping is never stopped by it. */
export const SIGN_IN_ADDRESS_LIMIT = { window: 60, max: 5 } as const satisfies RateLimitRule;
/**
 * 10 failures per account, then 15 minutes' wait: at most ~40 guesses an hour (~1,000 a day) at one
 * account however many addresses guess, against passwords of 12+ characters; and an account
 * under attack is closed to its owner for at most 15 minutes after the attack's last counted try.
 */
export const SIGN_IN_ACCOUNT_LIMIT = { window: 15 * 60, max: 10 } as const satisfies RateLimitRule;

export type SignInKeys = { address: string; account: string };

export function signInKeys(address: string | undefined, email: string): SignInKeys {
  // No address (a proxy that sent none): all such attempts share one budget rather than none.
  return { address: `sign-in:address:${address ?? "unknown"}`, account: `sign-in:account:${email.trim().toLowerCase()}` };
}

type Storage = {
  consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  refund(key: string): Promise<void>;
};

export type SignInDecision = { allowed: true } | { allowed: false; retryAfter: number };

export function signInLimiter(storage: Storage) {
  return {
    /** Counts an attempt against the address, then the account; refused by either → seconds to wait. */
    async begin(keys: SignInKeys): Promise<SignInDecision> {
      const byAddress = await storage.consume(keys.address, SIGN_IN_ADDRESS_LIMIT);
      if (!byAddress.allowed) return { allowed: false, retryAfter: byAddress.retryAfter ?? SIGN_IN_ADDRESS_LIMIT.window };
      const byAccount = await storage.consume(keys.account, SIGN_IN_ACCOUNT_LIMIT);
      if (!byAccount.allowed) {
        // Refused before any password check: not an attempt the address spent.
        await storage.refund(keys.address);
        return { allowed: false, retryAfter: byAccount.retryAfter ?? SIGN_IN_ACCOUNT_LIMIT.window };
      }
      return { allowed: true };
    },
    /** The password was right and a session made: this attempt does not count against either. */
    async succeeded(keys: SignInKeys): Promise<void> {
      await storage.refund(keys.address);
      await storage.refund(keys.account);
    },
  };
}

/** "Too many attempts; try again in 40 seconds." — in minutes once it is two or more. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  if (seconds < 120) return `Too many attempts; try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
  return `Too many attempts; try again in ${Math.ceil(seconds / 60)} minutes.`;
}
