"use client";

import { useActionState } from "react";
import { deleteUser, disableUser, enableUser, updateUserRole } from "@/lib/actions/users";
import type { ActionState } from "@/lib/actions/safe-action";
import { USER_ROLES } from "@/lib/users/schema";

type Props = {
  user: { id: string; name: string; role: (typeof USER_ROLES)[number]; disabled: boolean };
  isSelf: boolean;
};

/** Change role, disable or enable, delete: one small form each, with one message line for the row. */
export function UserRowActions({ user, isSelf }: Props) {
  const [roleState, roleAction, rolePending] = useActionState<ActionState | null, FormData>(updateUserRole, null);
  const [disableState, disableAction, disablePending] = useActionState<ActionState | null, FormData>(disableUser, null);
  const [enableState, enableAction, enablePending] = useActionState<ActionState | null, FormData>(enableUser, null);
  const [deleteState, deleteAction, deletePending] = useActionState<ActionState | null, FormData>(deleteUser, null);
  const outcomes = [roleState, disableState, enableState, deleteState].filter((s): s is ActionState => s !== null);
  const refused = outcomes.some((s) => !s.ok);
  const messageId = `user-${user.id}-message`;

  if (isSelf) return <span className="muted">Your own account (another admin can change it)</span>;

  return (
    <div className="user-actions">
      <form action={roleAction}>
        <input type="hidden" name="userId" value={user.id} />
        <label>
          <span className="visually-hidden">Role for {user.name}</span>
          <select name="role" defaultValue={user.role} key={user.role} aria-describedby={messageId}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--quiet" disabled={rolePending} aria-label={`Change role of ${user.name}`}>
          Change role
        </button>
      </form>
      <form action={user.disabled ? enableAction : disableAction}>
        <input type="hidden" name="userId" value={user.id} />
        <button
          type="submit"
          className="button button--quiet"
          disabled={user.disabled ? enablePending : disablePending}
          aria-describedby={messageId}
        >
          {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
        </button>
      </form>
      <details>
        <summary>Delete…</summary>
        <form action={deleteAction}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className="button button--danger" disabled={deletePending} aria-describedby={messageId}>
            Delete {user.name} for good
          </button>
        </form>
      </details>
      <p id={messageId} className={`user-actions__message ${refused ? "field__error" : "muted"}`} role="status">
        {outcomes.map((s) => s.message).filter(Boolean).join(" ")}
      </p>
    </div>
  );
}
