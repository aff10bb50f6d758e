"use client";
// A form saved through a write route instead of a Server Action (the timeline's in-place
// statement form: app/api/talks/[slug]/statements): the same (previous state, FormData) → state
// function useActionState takes, posting the fields as JSON and reading back the route's answer,
// which has a Server Action's shape. An answer that is not one (a proxy's error page, a dropped
// connection) throws, and keepOnFailure keeps what was typed.
import type { EditState } from "@/lib/actions/edit-state";
import { formDataToObject } from "@/lib/forms/form-data";
import { typedValues } from "./keep-on-failure";

export function saveThroughRoute<T>(url: (input: FormData) => string): (previous: unknown, input: FormData) => Promise<EditState<T>> {
  return async (_previous, input) => {
    const response = await fetch(url(input), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(formDataToObject(input)),
      cache: "no-store",
    });
    const state = (await response.json().catch(() => null)) as EditState<T> | null;
    if (!state || typeof state.ok !== "boolean") throw new Error(`Parley answered ${response.status} without a result.`);
    // A refusal before the fields were read (signed out, the database away) still keeps them.
    return state.ok ? state : { ...state, values: state.values ?? typedValues(input) };
  };
}
