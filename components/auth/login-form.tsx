"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/actions/auth";
import type { ActionState } from "@/lib/actions/safe-action";
import { FieldError } from "./form-bits";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<ActionState | null, FormData>(signIn, null);
  const failed = state && !state.ok ? state : null;
  const emailError = failed?.fieldErrors?.email;
  const passwordError = failed?.fieldErrors?.password;
  const email = typeof failed?.values?.email === "string" ? failed.values.email : "";

  return (
    <form action={action} className="form" noValidate aria-describedby="login-message">
      <p id="login-message" className={`form-message${failed ? " form-message--bad" : ""}`} role="alert">
        {failed ? failed.message : ""}
      </p>
      <input type="hidden" name="next" value={next} />
      <label className="field">
        <span className="field__label">Email</span>
        <input
          // React 19 resets the form after the action; the returned value puts the email back.
          type="email"
          name="email"
          autoComplete="username"
          required
          defaultValue={email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "login-email-error" : undefined}
        />
        <FieldError id="login-email-error" messages={emailError} />
      </label>
      <label className="field">
        <span className="field__label">Password</span>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "login-password-error" : undefined}
        />
        <FieldError id="login-password-error" messages={passwordError} />
      </label>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
