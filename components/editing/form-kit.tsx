"use client";
import "./editing.css";
// Pieces every editing form uses: fields labelled, described and flagged for assistive technology
// (aria-describedby to the hint and the error, aria-invalid), a summary of the problems announced
// when a save fails, and the values to show after a refusal (what the editor typed, never reset).
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { FieldErrors, FormValues } from "@/lib/actions/safe-action";
import { CONFIRM_FIELD } from "@/lib/entities/fields";
import { ConflictNotice } from "./conflict-notice";

export type FormView = {
  /** The value a field shows: what was submitted, after a refusal, else the initial one. */
  value(name: string): string;
  list(name: string): string[];
  errors(name: string): string[] | undefined;
  /** Props tying an input to its label's id, hint and error. */
  control(name: string, options?: { hint?: boolean }): {
    id: string;
    name: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  };
  failed: boolean;
};

export const fieldId = (prefix: string, name: string) => `${prefix}-${name}`;

/**
 * `data-ready` for a form once React has hydrated it: typed input before that can be reset by
 * hydration, so end-to-end tests wait for it (people rarely type that fast).
 */
export function useReady(): { "data-ready": "true" | undefined } {
  // False on the server and while hydrating (the server snapshot), true once hydrated.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  return { "data-ready": ready ? "true" : undefined };
}

const noSubscription = () => () => {};


/**
 * The form's current view of its values and errors. `key` changes with every answer from the
 * server: keying the <form> on it remounts the fields with the returned values, since React 19
 * resets uncontrolled fields after an action and a select ignores a changed defaultValue.
 */
export function useFormView(prefix: string, state: EditState<unknown> | null, initial: FormValues): FormView & { key: number } {
  // A new answer gets the next key: the previous render's answer is kept in state (React's
  // "storing information from previous renders"), so the key is the same for the same answer.
  const [seen, setSeen] = useState({ state, key: 0 });
  let key = seen.key;
  if (seen.state !== state) {
    key = seen.key + 1;
    setSeen({ state, key });
  }
  const refusal = state && !state.ok ? state : null;
  const failed = refusal !== null;
  const values: FormValues = refusal?.values ?? initial;
  const fieldErrors: FieldErrors = refusal?.fieldErrors ?? {};
  const value = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
  };
  const list = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : [];
  };
  const errors = (name: string) => fieldErrors[name];
  return {
    key,
    failed,
    value,
    list,
    errors,
    control(name, options = {}) {
      const id = fieldId(prefix, name);
      const describedBy = [options.hint ? `${id}-hint` : null, errors(name)?.length ? `${id}-error` : null].filter(Boolean).join(" ");
      return { id, name, "aria-invalid": errors(name)?.length ? true : undefined, "aria-describedby": describedBy || undefined };
    },
  };
}

/** Whether a field's messages are only the warning the editor may confirm ("Save anyway"), not a refusal. */
export function isWarning(view: FormView, messages: string[]): boolean {
  const warning = view.errors(CONFIRM_FIELD);
  return !!warning?.length && messages.every((m) => warning.includes(m));
}

/** A labelled field with an optional hint and its error, both referenced by the control. */
export function Field({
  view,
  prefix,
  name,
  label,
  hint,
  children,
  className,
}: {
  view: FormView;
  prefix: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = fieldId(prefix, name);
  const errors = view.errors(name);
  const state = errors?.length ? (isWarning(view, errors) ? " field--warned" : " field--invalid") : "";
  return (
    <div className={`field${state}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {errors?.length ? (
        <span id={`${id}-error`} className="field__error">
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

/** A group of checkboxes (or radios) under a legend, with its error. */
export function ChoiceGroup({
  view,
  prefix,
  name,
  legend,
  hint,
  children,
}: {
  view: FormView;
  prefix: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const id = fieldId(prefix, name);
  const errors = view.errors(name);
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} className={`checks${errors?.length ? " field--invalid" : ""}`} aria-describedby={describedBy} tabIndex={-1}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      <div className="checks__options">{children}</div>
      {errors?.length ? (
        <span id={`${id}-error`} className="field__error">
          {errors.join(" ")}
        </span>
      ) : null}
    </fieldset>
  );
}

/** A checkbox per option, named `name`, ticked as the form's values say (inside a ChoiceGroup). */
export function Checkboxes({ view, name, options }: { view: FormView; name: string; options: { value: string; label: string }[] }) {
  const ticked = view.list(name);
  return options.map((o) => (
    <label key={o.value} className="check">
      <input type="checkbox" name={name} value={o.value} defaultChecked={ticked.includes(o.value)} />
      {o.label}
    </label>
  ));
}

/**
 * The form's outcome, in a live region: on a refusal, its message and a list of links to the
 * fields that need attention, named by their labels.
 */
export function FormSummary({
  id,
  state,
  prefix,
  labels,
}: {
  id: string;
  state: EditState<unknown> | null;
  prefix: string;
  labels: Record<string, string>;
}) {
  const failed = state && !state.ok ? state : null;
  // A warning the write core lets the editor confirm (lib/actions/edit-support.ts `attempt`).
  const warning = failed?.fieldErrors?.[CONFIRM_FIELD]?.length ? failed : null;
  const problems = Object.entries(failed?.fieldErrors ?? {}).filter(([field, messages]) => messages?.length && field !== CONFIRM_FIELD);
  if (warning) {
    return (
      <div id={id} className="form-summary form-summary--warn" role="alert" aria-live="assertive">
        <p>
          <strong>Check before saving.</strong> {warning.message} Nothing was saved yet.
        </p>
        <p>
          <button type="submit" name={CONFIRM_FIELD} value="true" className="button button--warn">
            Save anyway
          </button>
        </p>
      </div>
    );
  }
  return (
    <div id={id} className={`form-summary${failed ? " form-summary--bad" : state?.ok ? " form-summary--ok" : ""}`} role={failed ? "alert" : "status"} aria-live={failed ? "assertive" : "polite"}>
      {state?.message ? <p>{state.message}</p> : null}
      {problems.length ? (
        <ul>
          {problems.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${fieldId(prefix, field)}`}>{labels[field] ?? field}</a>: {messages!.join(" ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The id of a form's outcome box, which the form names as its description. A field's id is
 * `<prefix>-<name>` with a name in camelCase, so a hyphenated suffix cannot be one: this was
 * `<prefix>-summary`, the id of the session and talk forms' Summary field, whose label then named
 * the box (and `-status` would be the talk's Status field).
 */
export const formStatusId = (prefix: string) => `${prefix}-form-status`;

/**
 * The top of every editing form: the outcome summary, the notice when a save was refused as
 * stale, and the hidden fields the save sends back as they are (talk, id, version…).
 */
export function FormHead({
  view,
  state,
  prefix,
  labels,
  hidden,
}: {
  view: FormView;
  state: EditState<unknown> | null;
  prefix: string;
  labels: Record<string, string>;
  /** Name → value; values come from the form's view unless given. */
  hidden: (string | [string, string])[];
}) {
  const conflict = conflictOf(state);
  return (
    <>
      <FormSummary id={formStatusId(prefix)} state={state} prefix={prefix} labels={labels} />
      {conflict ? <ConflictNotice conflict={conflict} headingId={`${prefix}-conflict`} /> : null}
      {hidden.map((h) => {
        const [name, value] = typeof h === "string" ? [h, view.value(h)] : h;
        return <input key={name} type="hidden" name={name} value={value} />;
      })}
    </>
  );
}
