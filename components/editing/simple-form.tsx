"use client";
// A form of plain fields (text, long text, a choice, a day), described by a list: used for
// parties, envoys, issues and gap assessments. Same behaviour as the bigger forms: errors by the
// field, a summary, values kept after a refusal, the conflict notice for a stale save.
import Link from "next/link";
import { announceFormDay, useFormDay } from "./day-crumb";
import { Fragment, useActionState, useMemo, useState } from "react";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { ActionInput, FormValues } from "@/lib/actions/safe-action";
import type { FieldSpec } from "@/lib/entities/types";
import { Field, FormHead, formStatusId, useFormView, useReady } from "./form-kit";
import { keepOnFailure } from "./keep-on-failure";

export type SimpleField = FieldSpec;

type SaveAction = (previous: EditState | null | undefined, input: ActionInput) => Promise<EditState>;

export function SimpleForm({
  prefix,
  action,
  fields,
  hidden,
  initial,
  submitLabel,
  cancelHref,
  dayOfTalk,
}: {
  prefix: string;
  action: SaveAction;
  fields: SimpleField[];
  /** Names of fields sent as they are (talk, id, version…), their values taken from `initial`. */
  hidden: string[];
  initial: FormValues;
  submitLabel: string;
  cancelHref: string;
  /** A form with a `localDay` of this talk (slug): the breadcrumb and Cancel follow the day picked. */
  dayOfTalk?: string;
}) {
  const save = useMemo(() => keepOnFailure(action), [action]);
  const [state, run, pending] = useActionState<EditState | null, FormData>(save, null);
  const view = useFormView(prefix, state, initial);
  const ready = useReady();
  const conflict = conflictOf(state);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const formDay = useFormDay(null);
  // The values of the fields other choices are narrowed by (filterBy), as the editor changes them.
  const watched = new Set(fields.flatMap((f) => (f.filterBy ? [f.filterBy] : [])));
  const [narrowing, setNarrowing] = useState<Record<string, string>>({});
  const narrowedBy = (name: string) => narrowing[name] ?? view.value(name);
  return (
    <form key={view.key} action={run} className="edit-form" noValidate {...ready} aria-describedby={formStatusId(prefix)}>
      <FormHead view={view} state={state} prefix={prefix} labels={labels} hidden={hidden} />
      <div className="edit-form__group">
        {fields.map((f) =>
          f.readOnly ? (
            <div key={f.name} className="field">
              <span className="field__label">{f.label}</span>
              <span className="field__static">{view.value(f.name) || "—"}</span>
            </div>
          ) : (
            <Field key={f.name} view={view} prefix={prefix} name={f.name} label={f.label} hint={f.hint}>
              {f.kind === "textarea" ? (
                <textarea {...view.control(f.name, { hint: !!f.hint })} defaultValue={view.value(f.name)} rows={4} maxLength={f.max} />
              ) : f.kind === "select" ? (
                <select
                  {...view.control(f.name, { hint: !!f.hint })}
                  defaultValue={view.value(f.name)}
                  onChange={watched.has(f.name) ? (e) => setNarrowing({ ...narrowing, [f.name]: e.currentTarget.value }) : undefined}
                >
                  {f.placeholder ? <option value="">{f.placeholder}</option> : null}
                  <Choices options={narrowed(f, f.filterBy ? narrowedBy(f.filterBy) : "", view.value(f.name))} />
                </select>
              ) : (
                <input
                  type={f.kind === "date" ? "date" : "text"}
                  {...view.control(f.name, { hint: !!f.hint })}
                  defaultValue={view.value(f.name)}
                  maxLength={f.max}
                  min={f.days?.min}
                  max={f.days?.max}
                  onChange={dayOfTalk && f.name === "localDay" ? (e) => announceFormDay(e.currentTarget.value) : undefined}
                />
              )}
            </Field>
          ),
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : conflict ? "Save my version again" : submitLabel}
        </button>
        <Link href={dayOfTalk && formDay ? `/talks/${dayOfTalk}/days/${formDay}` : cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}

type Choice = NonNullable<SimpleField["options"]>[number];

/** A field's choices, narrowed to those tagged with `by` when it has a value; the one chosen is kept. */
function narrowed(field: SimpleField, by: string, chosen: string): Choice[] {
  const options = field.options ?? [];
  return field.filterBy && by ? options.filter((o) => o.tag === by || o.value === chosen) : options;
}

/** Choices as options, under an optgroup per run of choices sharing a `group`. */
function Choices({ options }: { options: Choice[] }) {
  const runs: { group: string | undefined; options: Choice[] }[] = [];
  for (const o of options) {
    const last = runs.at(-1);
    if (last && last.group === o.group) last.options.push(o);
    else runs.push({ group: o.group, options: [o] });
  }
  const list = (os: Choice[]) =>
    os.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <>
      {runs.map((run, i) =>
        run.group === undefined ? (
          <Fragment key={i}>{list(run.options)}</Fragment>
        ) : (
          <optgroup key={`${i} ${run.group}`} label={run.group}>
            {list(run.options)}
          </optgroup>
        ),
      )}
    </>
  );
}
