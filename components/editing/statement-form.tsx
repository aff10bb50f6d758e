"use client";

import Link from "next/link";
import { useActionState, useCallback, useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { FormValues } from "@/lib/actions/safe-action";
import * as statementActions from "@/lib/actions/statements";
import { keepOnFailure, typedValues } from "./keep-on-failure";
import { saveThroughRoute } from "./save-through-route";
import type { StatementFormOptions } from "@/lib/data/form-options";
import { CAPACITY_LABEL, PART_OF_DAY_LABEL, SETTING_LABEL, STATEMENT_KIND_LABEL, TIME_PRECISION_LABEL } from "@/lib/labels";
import { CapacitySchema, PartOfDaySchema, QUOTED_WORDS_MAX, SettingSchema, STATEMENT_TEXT_MAX, StatementKindSchema, TimePrecisionSchema } from "@/lib/talk-document/schema";
import { typedTimeHelp } from "@/lib/time/session-times";
import { lastAllowedDay } from "@/lib/time/talk-span";
import { Checkboxes, ChoiceGroup, Field, FormHead, formStatusId, useFormView, useReady } from "./form-kit";
import { NEW_SOURCE_LABELS, SourcesFieldset } from "./new-source-fields";
import { VenueTimeField } from "./venue-time-field";
import { announceFormDay, useFormDay } from "./day-crumb";

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
export type AddedStatement = { id: string; day: string | null; /** What it cites, a new source included (the in-place route says). */ sources?: string[] };

/**
 * What the next statement of the in-place form starts with after a save (issue 12): the same day,
 * session, precision, setting, kind, issues and sources and the same report's day; the speaker,
 * capacity, text, quoted words and time are the last statement's own and start empty.
 */
export function nextStatementValues(saved: FormValues, fresh: FormValues): FormValues {
  const keep = ["talk", "saidPrecision", "saidOn", "partOfDay", "reportedOn", "setting", "session", "issues", "sources", "kind"];
  return { ...fresh, ...Object.fromEntries(keep.filter((k) => saved[k] !== undefined).map((k) => [k, saved[k]!])) };
}

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
  inline?: { onAdded: (added: AddedStatement, values: FormValues) => void; onCancel: () => void };
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
  // What the last successful save sent, for the in-place form's next statement.
  const sent = useRef<FormValues>({});
  const saveKeeping = useCallback(
    async (previous: EditState<AddedStatement> | null, input: FormData) => {
      const result = await save(previous, input);
      if (result.ok) sent.current = typedValues(input);
      return result;
    },
    [save],
  );
  const [state, action, pending] = useActionState<EditState<AddedStatement> | null, FormData>(saveKeeping, null);
  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (!inline || !state?.ok || !state.data || reported.current === state) return;
    reported.current = state;
    inline.onAdded(state.data, sent.current);
  }, [state, inline]);
  const form = useRef<HTMLFormElement>(null);
  const formDay = useFormDay(null);
  // The fields the editor set by hand: a default no longer overwrites them.
  const touched = useRef(new Set<string>(mode === "edit" ? ["capacity", "issues", "sources", "saidOn", "setting"] : []));
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

  /**
   * Defaults that follow a choice (issue 12): an envoy's capacity from their role in the talk, and
   * a session's day, issues and sources — each unless the editor set that field by hand.
   */
  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const target = event.target as unknown as HTMLInputElement | HTMLSelectElement;
    const el = form.current;
    if (!el || !target.name) return;
    touched.current.add(target.name);
    const setField = (name: string, value: string) => {
      if (touched.current.has(name)) return;
      const field = el.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    };
    const tick = (name: string, values: string[]) => {
      if (touched.current.has(name)) return;
      for (const box of el.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`)) box.checked = values.includes(box.value);
    };
    if (target.name === "speaker") {
      const chosen = options.speakers.flatMap((g) => g.options).find((o) => o.value === target.value);
      if (chosen) setField("capacity", chosen.capacity);
    }
    if (target.name === "session") {
      const chosen = options.sessions.find((o) => o.value === target.value);
      if (!chosen) return;
      setField("setting", "session");
      tick("issues", chosen.issues);
      tick("sources", chosen.sources);
      if (chosen.day && !touched.current.has("saidOn")) {
        if (precision === "unknown") setPrecision("day");
        setField("saidOn", chosen.day);
        setDayDefault(chosen.day);
        retype("saidOn", chosen.day);
        announceFormDay(chosen.day);
      }
    }
    if (target.name === "saidOn") announceFormDay(target.value);
  };
  // A day shown once its field appears (precision changed from "Day not known").
  const [dayDefault, setDayDefault] = useState<string | null>(null);

  /** Ctrl+Enter or Cmd+Enter saves, from any field, the text box included. */
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    event.preventDefault();
    if (!pending) form.current?.requestSubmit();
  };

  return (
    <form
      key={view.key}
      ref={form}
      action={action}
      onChange={onChange}
      onKeyDown={onKeyDown}
      className="edit-form"
      noValidate
      {...ready}
      aria-describedby={formStatusId(P)}
      aria-keyshortcuts="Control+Enter Meta+Enter"
    >
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
                defaultValue={view.value("saidOn") || dayDefault || ""}
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
        <button type="submit" className="button" disabled={pending} aria-keyshortcuts="Control+Enter Meta+Enter">
          {pending ? "Saving…" : mode === "create" ? "Add statement" : conflict ? "Save my version again" : "Save changes"}
        </button>
        <span className="muted small">Ctrl+Enter saves</span>
        {inline ? (
          <button type="button" className="button button--quiet" onClick={inline.onCancel}>
            Cancel
          </button>
        ) : (
          <Link href={formDay ? `/talks/${talk.slug}/days/${formDay}` : (cancelHref ?? `/talks/${talk.slug}`)}>Cancel</Link>
        )}
      </div>
    </form>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
