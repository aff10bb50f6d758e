"use client";

import { TITLE_MAX } from "@/lib/talk-document/schema";
import { useState } from "react";
import type { SourceOption } from "@/lib/data/form-options";
import { ChoiceGroup, Field, type FormView } from "./form-kit";

export const NEW_SOURCE_LABELS: Record<string, string> = {
  newSourcePublisher: "Publisher of the new source",
  newSourceTitle: "Title of the new source",
  newSourceUrl: "Address of the new source",
  newSourcePublishedOn: "Publication day of the new source",
};

/** A report not yet recorded, typed in place; created in the same save as the row citing it. */
export function NewSourceFields({ view, prefix }: { view: FormView; prefix: string }) {
  const open = Object.keys(NEW_SOURCE_LABELS).some((n) => view.value(n) !== "" || view.errors(n));
  return (
    <details className="new-source" open={open}>
      <summary>Add a new source</summary>
      <div className="edit-form__row">
        <Field view={view} prefix={prefix} name="newSourcePublisher" label="Publisher of the new source">
          <input type="text" {...view.control("newSourcePublisher")} defaultValue={view.value("newSourcePublisher")} maxLength={TITLE_MAX} />
        </Field>
        <Field view={view} prefix={prefix} name="newSourceTitle" label="Title of the new source">
          <input type="text" {...view.control("newSourceTitle")} defaultValue={view.value("newSourceTitle")} maxLength={TITLE_MAX * 2} />
        </Field>
        <Field view={view} prefix={prefix} name="newSourceUrl" label="Its address (URL, optional)">
          <input type="url" {...view.control("newSourceUrl")} defaultValue={view.value("newSourceUrl")} placeholder="https://" />
        </Field>
        <Field view={view} prefix={prefix} name="newSourcePublishedOn" label="Its publication day (optional)">
          <input type="date" {...view.control("newSourcePublishedOn")} defaultValue={view.value("newSourcePublishedOn")} />
        </Field>
      </div>
    </details>
  );
}

/** A form's "Sources" group: the talk's sources already cited, to tick, and a new one to type in. */
export function SourcesFieldset({ view, prefix, sources, hint }: { view: FormView; prefix: string; sources: SourceOption[]; hint?: string }) {
  const [query, setQuery] = useState("");
  const ticked = view.list("sources");
  // Ticked sources stay in view whatever is typed, so a search never hides a choice made.
  const shown = (o: SourceOption) => ticked.includes(o.value) || o.label.toLowerCase().includes(query.trim().toLowerCase());
  const here = sources.filter((o) => o.citedHere);
  const others = sources.filter((o) => !o.citedHere);
  const findId = `${prefix}-sources-find`;
  return (
    <fieldset className="edit-form__group">
      <legend>Sources</legend>
      {sources.length > 8 ? (
        <p className="field">
          <label htmlFor={findId} className="field__label">
            Find a source
          </label>
          <input id={findId} type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoComplete="off" placeholder="Publisher, title or day" />
        </p>
      ) : null}
      <ChoiceGroup view={view} prefix={prefix} name="sources" legend="Reports that carry it" hint={hint}>
        {sources.length === 0 ? <span className="muted small">No sources yet; add one below.</span> : null}
        {here.length > 0 && others.length > 0 ? <span className="muted small">Cited in this talk</span> : null}
        <SourceChecks options={here} ticked={ticked} shown={shown} />
        {others.length > 0 ? <span className="muted small">{here.length > 0 ? "Other sources" : "Sources not yet cited in this talk"}</span> : null}
        <SourceChecks options={others} ticked={ticked} shown={shown} />
      </ChoiceGroup>
      <NewSourceFields view={view} prefix={prefix} />
    </fieldset>
  );
}

/** The sources' checkboxes; those the search does not match are hidden, not removed (a hidden tick still counts). */
function SourceChecks({ options, ticked, shown }: { options: SourceOption[]; ticked: string[]; shown: (o: SourceOption) => boolean }) {
  return options.map((o) => (
    <label key={o.value} className="check" hidden={!shown(o)}>
      <input type="checkbox" name="sources" value={o.value} defaultChecked={ticked.includes(o.value)} />
      {o.label}
    </label>
  ));
}
