"use client";

import { useActionState, useState } from "react";
import { createUser } from "@/lib/actions/users";
import type { ActionState } from "@/lib/actions/safe-action";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USER_NAME_MAX, USER_ROLES } from "@/lib/users/schema";
import { FieldError, FormMessage, valueOf } from "./form-bits";

type Created = { email: string; generatedPassword: string | undefined };

export function CreateUserForm() {
  const [state, action, pending] = useActionState<ActionState<Created> | null, FormData>(createUser, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const [choice, setChoice] = useState(valueOf(state, "passwordChoice") ?? "generate");
  const created = state?.ok ? state.data : undefined;

  return (
    <section className="admin-panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      <form action={action} className="form" noValidate>
        <label className="field">
          <span className="field__label">Name</span>
          <input
            type="text"
            name="name"
            maxLength={USER_NAME_MAX}
            required
            defaultValue={valueOf(state, "name") ?? ""}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "new-user-name-error" : undefined}
          />
          <FieldError id="new-user-name-error" messages={errors.name} />
        </label>
        <label className="field">
          <span className="field__label">Email</span>
          <input
            type="email"
            name="email"
            autoComplete="off"
            required
            defaultValue={valueOf(state, "email") ?? ""}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "new-user-email-error" : undefined}
          />
          <FieldError id="new-user-email-error" messages={errors.email} />
        </label>
        <label className="field">
          <span className="field__label">Role</span>
          <select
            name="role"
            defaultValue={valueOf(state, "role") ?? "analyst"}
            key={valueOf(state, "role") ?? "analyst"}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={errors.role ? "new-user-role-error" : "new-user-role-hint"}
          >
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <span id="new-user-role-hint" className="field__hint">
            Analysts read; editors also record talks; admins also manage users.
          </span>
          <FieldError id="new-user-role-error" messages={errors.role} />
        </label>
        {/* Uncontrolled, so React 19's reset after each submit restores the choice shown below. */}
        <fieldset className="choice">
          <legend>Password</legend>
          <label>
            <input type="radio" name="passwordChoice" value="generate" defaultChecked={choice === "generate"} onChange={() => setChoice("generate")} />
            Generate one (shown once)
          </label>
          <label>
            <input type="radio" name="passwordChoice" value="type" defaultChecked={choice === "type"} onChange={() => setChoice("type")} />
            Type one
          </label>
        </fieldset>
        {choice === "type" ? (
          <label className="field">
            <span className="field__label">New user&rsquo;s password</span>
            <input
              type="password"
              name="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={PASSWORD_MAX_LENGTH}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? "new-user-password-error" : "new-user-password-hint"}
            />
            <span id="new-user-password-hint" className="field__hint">
              At least {PASSWORD_MIN_LENGTH} characters.
            </span>
            <FieldError id="new-user-password-error" messages={errors.password} />
          </label>
        ) : null}
        <FormMessage id="create-user-message" state={state} />
        {created?.generatedPassword ? (
          <p className="form-message form-message--ok">
            Password for {created.email}: <code className="secret">{created.generatedPassword}</code>. It is shown only
            now; pass it on safely.
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Adding…" : "Add user"}
          </button>
        </div>
      </form>
    </section>
  );
}
