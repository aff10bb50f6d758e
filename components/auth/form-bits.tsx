import type { ActionState } from "@/lib/actions/safe-action";

/** A field's messages, referenced by the field's aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="field__error">
      {messages.join(" ")}
    </span>
  );
}

/** The form's outcome, announced when it changes. */
export function FormMessage({ id, state }: { id: string; state: ActionState<unknown> | null }) {
  const tone = state ? (state.ok ? " form-message--ok" : " form-message--bad") : "";
  return (
    <p id={id} className={`form-message${tone}`} role={state && !state.ok ? "alert" : "status"}>
      {state?.message ?? ""}
    </p>
  );
}

export function valueOf(state: ActionState<unknown> | null, name: string): string | undefined {
  if (!state || state.ok) return undefined;
  const value = state.values?.[name];
  return typeof value === "string" ? value : undefined;
}
