"use client";

import { TITLE_MAX } from "@/lib/talk-document/schema";
import { Checkboxes, ChoiceGroup, Field, type FormView } from "./form-kit";

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
export function SourcesFieldset({ view, prefix, sources, hint }: { view: FormView; prefix: string; sources: { value: string; label: string }[]; hint?: string }) {
  return (
    <fieldset className="edit-form__group">
      <legend>Sources</legend>
      <ChoiceGroup view={view} prefix={prefix} name="sources" legend="Reports that carry it" hint={hint}>
        {sources.length === 0 ? <span className="muted small">No sources are cited in this talk yet; add one below.</span> : null}
        <Checkboxes view={view} name="sources" options={sources} />
      </ChoiceGroup>
      <NewSourceFields view={view} prefix={prefix} />
    </fieldset>
  );
}
