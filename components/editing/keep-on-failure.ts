"use client";
// A save that fails without an answer from Parley — the connection dropped, the server or its
// database was down, an unexpected error — must not cost the editor what they typed. The form's
// action is wrapped: such a failure becomes a refusal that carries the typed values back into the
// form (as a rule's refusal does), with a sentence saying nothing was saved. Next.js's own
// signals (a redirect after a save) pass through untouched.
import { unstable_rethrow } from "next/navigation";
import type { EditState } from "@/lib/actions/edit-state";
import type { FormValues } from "@/lib/entities/types";

export const NOT_SAVED_MESSAGE = "Parley did not answer, so this may not have been saved. What you typed is still here: save again in a moment (it will not be recorded twice).";

const SECRET_FIELD = /password|secret|token/i;

/** The typed text of a form's submission, as the form shows it again (React's own fields and secrets left out). */
export function typedValues(input: FormData): FormValues {
  const values: FormValues = {};
  for (const name of new Set(input.keys())) {
    if (name.startsWith("$ACTION") || SECRET_FIELD.test(name)) continue;
    const all = input.getAll(name).filter((v): v is string => typeof v === "string");
    values[name] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

export function keepOnFailure<P, T>(action: (previous: P, input: FormData) => Promise<EditState<T>>): (previous: P, input: FormData) => Promise<EditState<T>> {
  return async (previous, input) => {
    try {
      return await action(previous, input);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, message: NOT_SAVED_MESSAGE, values: typedValues(input) };
    }
  };
}
