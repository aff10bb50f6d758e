"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { FormValues } from "@/lib/actions/safe-action";
import * as statementActions from "@/lib/actions/statements";
import { keepOnFailure } from "./keep-on-failure";
import { saveThroughRoute } from "./save-through-route";
import type { StatementFormOptions } from "@/lib/data/form-options";
import { CAPACITY_LABEL, PART_OF_DAY_LABEL, SETTING_LABEL, STATEMENT_KIND_LABEL, TIME_PRECISION_LABEL } from "@/lib/labels";
import { CapacitySchema, PartOfDaySchema, QUOTED_WORDS_MAX, SettingSchema, STATEMENT_TEXT_MAX, StatementKindSchema, TimePrecisionSchema } from "@/lib/talk-document/schema";
import { typedTimeHelp } from "@/lib/time/session-times";
import { lastAllowedDay } from "@/lib/time/talk-span";
import { Checkboxes, ChoiceGroup, Field, FormHead, formStatusId, useFormView, useReady } from "./form-kit";
import { NEW_SOURCE_LABELS, SourcesFieldset } from "./new-source-fields";
import { VenueTimeField } from "./venue-time-field";

/** The field names people see, for the problem summary. */
const LABELS: Record<string, string> = {
  speaker: "Who said it",
  capacity: "Capacity",
  kind: "Kind",
  text: "Text",
  quotedWords: "Exact quoted words",
  issues: "Issues",
  saidPrecision: "When it was said is known to",
  saidOn: "Day said",
  saidTime: "Time at the venue",
  saidOccurrence: "Which time",
  partOfDay: "Part of the day",
  reportedOn: "Day first reported",
  setting: "Where",
  session: "Session",
  sources: "Sources",
  ...NEW_SOURCE_LABELS,
  _form: "Form",
};

/** The new statement, as the inline form's save reports it. */
export type AddedStatement = { id: string; day: string | null };

type SaveAction = (previous: EditState<AddedStatement> | null, form: FormData) => Promise<EditState<AddedStatement>>;

type Props = {
  mode: "create" | "edit";
  options: StatementFormOptions;
  initial: FormValues;
  /** Where Cancel goes on a page of its own. */
  cancelHref?: string;
  /**
   * Set when the form opens in place on the timeline: the save keeps the editor on the page and
   * reports the new statement, and Cancel closes the form.
   */
  inline?: { onAdded: (added: AddedStatement) => void; onCancel: () => void };
  /** Starts every field id: two forms on one page need different ones. */
  idPrefix?: string;
};

// Only the inline save answers with data; the others redirect or refuse, so one state type fits all three.
// The in-place form saves through the statements route, which answers in a fraction of a Server
// Action's cost and re-renders nothing (docs/decisions/013-write-throughput.md).
const SAVE = {
  inline: keepOnFailure(saveThroughRoute<AddedStatement>((input) => `/api/talks/${encodeURIComponent(fieldText(input, "talk"))}/statements`) as SaveAction),
  create: keepOnFailure(statementActions.create as SaveAction),
  edit: keepOnFailure(statementActions.update as SaveAction),
};

function fieldText(input: FormData, name: string): string {
  const value = input.get(name);
  return typeof value === "string" ? value : "";
}

/** Adds or corrects a statement. Every field keeps what was typed when a save is refused. */
export function StatementForm({ mode, options, initial, cancelHref, inline, idPrefix = "statement" }: Props) {
  const P = idPrefix;
  const save = inline ? SAVE.inline : SAVE[mode];
  const [state, action, pending] = useActionState<EditState<AddedStatement> | null, FormData>(save, null);
  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (!inline || !state?.ok || !state.data || reported.current === state) return;
    reported.current = state;
    inline.onAdded(state.data);
  }, [state, inline]);
  const view = useFormView(P, state, initial);
  const ready = useReady();
  const conflict = conflictOf(state);
  const { talk } = options;
  const [precision, setPrecision] = useState(view.value("saidPrecision") || "day");
  // The day and time as typed, so the form can say at once what the time means at the venue.
  const typedNow = () => ({ saidOn: view.value("saidOn"), saidTime: view.value("saidTime"), saidOccurrence: view.value("saidOccurrence") });
  const [typed, setTyped] = useState(typedNow);
  const [lastKey, setLastKey] = useState(view.key);
  if (lastKey !== view.key) {
    // A new answer from the server: what is shown follows the values it sent back.
    setLastKey(view.key);
    setPrecision(view.value("saidPrecision") || "day");
    setTyped(typedNow());
  }
  // The value is read here, in the event: by the time React runs an updater, currentTarget is gone.
  const retype = (name: keyof typeof typed, value: string) => setTyped((t) => ({ ...t, [name]: value }));
  const timeHelp = typedTimeHelp(typed.saidOn, typed.saidTime, talk.venueTimeZone, talk.venueCity, typed.saidOccurrence);

  return (
    <form key={view.key} action={action} className="edit-form" noValidate {...ready} aria-describedby={formStatusId(P)}>
      <FormHead view={view} state={state} prefix={P} labels={LABELS} hidden={[["talk", talk.slug], ...(mode === "edit" ? ["id", "version"] : ["saveKey"])]} />

      <fieldset className="edit-form__group">
        <legend>Who</legend>
        <div className="edit-form__row">
          <Field view={view} prefix={P} name="speaker" label="Who said it">
            <select {...view.control("speaker")} defaultValue={view.value("speaker")} required>
              <option value="" disabled>
                Choose the speaker
              </option>
              {options.speakers.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field view={view} prefix={P} name="capacity" label="Capacity">
            <select {...view.control("capacity")} defaultValue={view.value("capacity") || "unknown"}>
              {CapacitySchema.options.map((c) => (
                <option key={c} value={c}>
                  {capitalize(CAPACITY_LABEL[c])}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="edit-form__group">
        <legend>What</legend>
        <Field view={view} prefix={P} name="kind" label="Kind" className="edit-form__narrow">
          <select {...view.control("kind")} defaultValue={view.value("kind") || "paraphrase"}>
            {StatementKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {STATEMENT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field view={view} prefix={P} name="text" label="Text" hint="What was said, in the report’s words or a faithful summary. Keep quoted words verbatim.">
          <textarea {...view.control("text", { hint: true })} defaultValue={view.value("text")} rows={5} maxLength={STATEMENT_TEXT_MAX} required />
        </Field>
        <Field view={view} prefix={P} name="quotedWords" label="Exact quoted words (optional)" hint="The speaker’s own words as the source quotes them; they must appear in the text.">
          <input type="text" {...view.control("quotedWords", { hint: true })} defaultValue={view.value("quotedWords")} maxLength={QUOTED_WORDS_MAX} />
        </Field>
        <ChoiceGroup view={view} prefix={P} name="issues" legend="Issues">
          {options.issues.length === 0 ? <span className="muted small">This talk has no agenda issues yet.</span> : null}
          <Checkboxes view={view} name="issues" options={options.issues} />
        </ChoiceGroup>
      </fieldset>

      <fieldset className="edit-form__group">
        <legend>When</legend>
        <div className="edit-form__row">
          <Field view={view} prefix={P} name="saidPrecision" label="When it was said is known to">
            <select {...view.control("saidPrecision")} defaultValue={precision} onChange={(e) => setPrecision(e.target.value)}>
              {TimePrecisionSchema.options.map((p) => (
                <option key={p} value={p}>
                  {TIME_PRECISION_LABEL[p]}
                </option>
              ))}
            </select>
          </Field>
          {precision !== "unknown" ? (
            <Field view={view} prefix={P} name="saidOn" label="Day said" hint={`The day in ${talk.venueCity}.`}>
              <input
                type="date"
                {...view.control("saidOn", { hint: true })}
                defaultValue={view.value("saidOn")}
                onChange={(e) => retype("saidOn", e.currentTarget.value)}
                min={talk.firstDay}
                max={lastAllowedDay(talk)}
              />
            </Field>
          ) : null}
          {precision === "minute" ? (
            <VenueTimeField
              view={view}
              prefix={P}
              name="saidTime"
              occurrenceName="saidOccurrence"
              label="Time at the venue"
              hint={`${talk.venueCity} clock time (${talk.venueTimeZone}), 24-hour.`}
              note={timeHelp.problem}
              choices={timeHelp.choices}
              typed={typed.saidTime}
              chosen={typed.saidOccurrence}
              onTime={(e) => retype("saidTime", e.currentTarget.value)}
              onChoose={(e) => retype("saidOccurrence", e.currentTarget.value)}
            />
          ) : null}
          {precision === "part_of_day" ? (
            <Field view={view} prefix={P} name="partOfDay" label="Part of the day">
              <select {...view.control("partOfDay")} defaultValue={view.value("partOfDay")}>
                <option value="">Choose…</option>
                {PartOfDaySchema.options.map((p) => (
                  <option key={p} value={p}>
                    {capitalize(PART_OF_DAY_LABEL[p])}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field view={view} prefix={P} name="reportedOn" label="Day first reported (optional)" hint="As the report dates itself.">
            <input type="date" {...view.control("reportedOn", { hint: true })} defaultValue={view.value("reportedOn")} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="edit-form__group">
        <legend>Where</legend>
        <div className="edit-form__row">
          <Field view={view} prefix={P} name="setting" label="Where">
            <select {...view.control("setting")} defaultValue={view.value("setting") || "unknown"}>
              {SettingSchema.options.map((s) => (
                <option key={s} value={s}>
                  {capitalize(SETTING_LABEL[s])}
                </option>
              ))}
            </select>
          </Field>
          <Field view={view} prefix={P} name="session" label="Session (optional)">
            <select {...view.control("session")} defaultValue={view.value("session")}>
              <option value="">Not in a recorded session</option>
              {options.sessions.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <SourcesFieldset view={view} prefix={P} sources={options.sources} hint="A statement without a source is shown as unsourced, not as fact." />

      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Add statement" : conflict ? "Save my version again" : "Save changes"}
        </button>
        {inline ? (
          <button type="button" className="button button--quiet" onClick={inline.onCancel}>
            Cancel
          </button>
        ) : (
          <Link href={cancelHref ?? `/talks/${talk.slug}`}>Cancel</Link>
        )}
      </div>
    </form>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
