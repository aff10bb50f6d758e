"use client";

import Link from "next/link";
import { useActionState, useState, type ChangeEvent } from "react";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { FormValues } from "@/lib/actions/safe-action";
import * as sessionActions from "@/lib/actions/sessions";
import { keepOnFailure } from "./keep-on-failure";
import type { StatementFormOptions } from "@/lib/data/form-options";
import { OUTCOME_LABEL, SESSION_KIND_LABEL } from "@/lib/labels";
import { NOTE_MAX, OutcomeSchema, SessionKindSchema, SUMMARY_MAX, TITLE_MAX } from "@/lib/talk-document/schema";
import { isLocalDay } from "@/lib/time/local-day";
import { resolveSessionTimes } from "@/lib/time/session-times";
import { lastAllowedDay } from "@/lib/time/talk-span";
import { CLOCK, isOccurrence } from "@/lib/time/venue-clock";
import { Checkboxes, ChoiceGroup, Field, FormHead, formStatusId, type FormView, useFormView, useReady } from "./form-kit";
import { NEW_SOURCE_LABELS, SourcesFieldset } from "./new-source-fields";
import { VenueTimeField } from "./venue-time-field";
import { announceFormDay, useFormDay } from "./day-crumb";

const P = "session";

const LABELS: Record<string, string> = {
  title: "Title",
  localDay: "Day",
  startTime: "Starts at",
  startOccurrence: "Which start time",
  endTime: "Ends at",
  endOccurrence: "Which end time",
  kind: "Kind of meeting",
  issues: "Issues",
  summary: "Summary",
  outcome: "Outcome",
  outcomeNote: "Outcome note",
  sources: "Sources",
  ...NEW_SOURCE_LABELS,
};

/** Adds or corrects a session: its day and venue-clock times, kind, issues, summary, outcome and sources. */
const SAVE = { create: keepOnFailure(sessionActions.create), edit: keepOnFailure(sessionActions.update) };

export function SessionForm({ mode, options, initial, cancelHref }: { mode: "create" | "edit"; options: StatementFormOptions; initial: FormValues; cancelHref: string }) {
  const [state, action, pending] = useActionState<EditState | null, FormData>(SAVE[mode], null);
  const view = useFormView(P, state, initial);
  const ready = useReady();
  const conflict = conflictOf(state);
  const { talk } = options;
  const formDay = useFormDay(null);
  return (
    <form key={view.key} action={action} className="edit-form" noValidate {...ready} aria-describedby={formStatusId(P)}>
      <FormHead view={view} state={state} prefix={P} labels={LABELS} hidden={[["talk", talk.slug], ...(mode === "edit" ? ["id", "version"] : ["saveKey"])]} />
      <fieldset className="edit-form__group">
        <legend>The meeting</legend>
        <Field view={view} prefix={P} name="title" label="Title">
          <input type="text" {...view.control("title")} defaultValue={view.value("title")} maxLength={TITLE_MAX} required />
        </Field>
        <div className="edit-form__row">
          <SessionTimeFields view={view} talk={talk} />
          <Field view={view} prefix={P} name="kind" label="Kind of meeting">
            <select {...view.control("kind")} defaultValue={view.value("kind")}>
              <option value="">Not reported</option>
              {SessionKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {SESSION_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <ChoiceGroup view={view} prefix={P} name="issues" legend="Issues discussed">
          <Checkboxes view={view} name="issues" options={options.issues} />
        </ChoiceGroup>
        <Field view={view} prefix={P} name="summary" label="Summary (optional)">
          <textarea {...view.control("summary")} defaultValue={view.value("summary")} rows={4} maxLength={SUMMARY_MAX} />
        </Field>
      </fieldset>
      <fieldset className="edit-form__group">
        <legend>Outcome</legend>
        <div className="edit-form__row">
          <Field view={view} prefix={P} name="outcome" label="Outcome">
            <select {...view.control("outcome")} defaultValue={view.value("outcome") || "unknown"}>
              {OutcomeSchema.options.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABEL[o]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field view={view} prefix={P} name="outcomeNote" label="Outcome note (optional)" hint="Who said so, or what was agreed.">
          <textarea {...view.control("outcomeNote", { hint: true })} defaultValue={view.value("outcomeNote")} rows={2} maxLength={NOTE_MAX} />
        </Field>
      </fieldset>
      <SourcesFieldset view={view} prefix={P} sources={options.sources} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Add session" : conflict ? "Save my version again" : "Save changes"}
        </button>
        <Link href={formDay ? `/talks/${options.talk.slug}/days/${formDay}` : cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}

/**
 * The day field's bounds: an open talk's days (nothing earlier can be taken in); none for a talk
 * with a last day, where a day just outside is saved, once confirmed, by moving the talk's days
 * (lib/time/row-rules.ts `sessionOutsideTalkProblem`).
 */
const sessionDayBounds = (talk: StatementFormOptions["talk"]) => (talk.lastDay === null ? { min: talk.firstDay, max: lastAllowedDay(talk) } : {});

type Typed = Record<"localDay" | "startTime" | "startOccurrence" | "endTime" | "endOccurrence", string>;

/**
 * Day, start and end, with what the times mean at the venue as they are typed: an end earlier
 * than the start is the next day ("Ends 01:15 the next day, Thursday 5 March"), a time the clocks
 * skip is flagged, and a time they repeat offers its two readings. The server checks the same
 * rules (lib/time/session-times.ts) and refuses what this flags.
 */
function SessionTimeFields({ view, talk }: { view: FormView; talk: StatementFormOptions["talk"] }) {
  const [typed, setTyped] = useState<Typed>(() => ({
    localDay: view.value("localDay"),
    startTime: view.value("startTime"),
    startOccurrence: view.value("startOccurrence"),
    endTime: view.value("endTime"),
    endOccurrence: view.value("endOccurrence"),
  }));
  const update = (name: keyof Typed) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setTyped((t) => ({ ...t, [name]: value }));
    if (name === "localDay") announceFormDay(value);
  };
  const clock = (v: string) => (CLOCK.test(v) ? v : null);
  const times = resolveSessionTimes(
    {
      localDay: isLocalDay(typed.localDay) ? typed.localDay : null,
      startTime: clock(typed.startTime),
      startOccurrence: isOccurrence(typed.startOccurrence) ? typed.startOccurrence : null,
      endTime: clock(typed.endTime),
      endOccurrence: isOccurrence(typed.endOccurrence) ? typed.endOccurrence : null,
    },
    talk.venueTimeZone,
    talk.venueCity,
  );
  return (
    <>
      <Field view={view} prefix={P} name="localDay" label="Day" hint={`The day in ${talk.venueCity} the session started; leave empty if the sources do not say.`}>
        <input type="date" {...view.control("localDay", { hint: true })} defaultValue={view.value("localDay")} onChange={update("localDay")} {...sessionDayBounds(talk)} />
      </Field>
      <VenueTimeField
        view={view}
        prefix={P}
        name="startTime"
        occurrenceName="startOccurrence"
        label="Starts at (optional)"
        hint={`${talk.venueCity} clock time (${talk.venueTimeZone}).`}
        note={times.problems.startTime ?? null}
        choices={times.choices.startTime}
        typed={typed.startTime}
        chosen={typed.startOccurrence}
        onTime={update("startTime")}
        onChoose={update("startOccurrence")}
      />
      <VenueTimeField
        view={view}
        prefix={P}
        name="endTime"
        occurrenceName="endOccurrence"
        label="Ends at (optional)"
        hint="The first time after the start that the clocks show it: later that day, or else the next day."
        note={times.problems.endTime ?? times.endNote}
        problem={!!times.problems.endTime}
        choices={times.choices.endTime}
        typed={typed.endTime}
        chosen={typed.endOccurrence}
        onTime={update("endTime")}
        onChoose={update("endOccurrence")}
      />
    </>
  );
}
