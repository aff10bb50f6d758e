"use client";
// A time on the venue's clock, for the session and statement forms: its hint ends with a live note
// of what the typed time means (or why it cannot be saved), and a time that happens twice that day
// (the hour repeated when the clocks go back) is followed by a choice of its two readings. The
// server applies the same rule (lib/time/venue-clock.ts typedVenueTime) and refuses what this flags.
import type { ChangeEvent } from "react";
import type { TimeChoice } from "@/lib/time/session-times";
import { fieldId, isWarning, type FormView } from "./form-kit";

/**
 * A venue clock time: its hint ends with a live note of what the typed time means (or why it
 * cannot be saved), and a time that happens twice that day is followed by its two readings.
 */
export function VenueTimeField({
  view,
  prefix,
  name,
  occurrenceName,
  label,
  hint,
  note,
  problem = note !== null,
  choices,
  typed,
  chosen,
  onTime,
  onChoose,
}: {
  view: FormView;
  prefix: string;
  /** The time's field, e.g. startTime. */
  name: string;
  /** The field that says which reading of a repeated time, e.g. startOccurrence. */
  occurrenceName: string;
  label: string;
  hint: string;
  note: string | null;
  problem?: boolean;
  choices: TimeChoice[] | undefined;
  typed: string;
  chosen: string;
  onTime: (event: ChangeEvent<HTMLInputElement>) => void;
  onChoose: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const id = fieldId(prefix, name);
  const occurrence = occurrenceName;
  const errors = [...(view.errors(name) ?? []), ...(view.errors(occurrence) ?? [])];
  const refusal = errors.join(" ");
  // After a refusal the server's sentence is shown as the error; the live note does not repeat it.
  const live = note && note !== refusal ? note : "";
  return (
    <div className={`field${errors.length ? (isWarning(view, errors) ? " field--warned" : " field--invalid") : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input type="time" {...view.control(name, { hint: true })} defaultValue={view.value(name)} onChange={onTime} />
      <span id={`${id}-hint`} className="field__hint">
        {hint}{" "}
        <span aria-live="polite" className={problem ? "field__error" : undefined}>
          {problem ? live : live ? <strong>{live}</strong> : null}
        </span>
      </span>
      {choices ? (
        <fieldset id={fieldId(prefix, occurrence)} className="checks" aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ""}`}>
          <legend className="field__label">Which {typed}?</legend>
          <div className="checks__options">
            {choices.map((c) => (
              <label key={c.value} className="check">
                <input type="radio" name={occurrence} value={c.value} checked={chosen === c.value} onChange={onChoose} />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {errors.length ? (
        <span id={`${id}-error`} className="field__error">
          {refusal}
        </span>
      ) : null}
    </div>
  );
}
