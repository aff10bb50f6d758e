import type { ConflictView } from "@/lib/actions/edit-state";

const AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * Shown when a save was refused because someone saved (or deleted) the row after the editor
 * opened it: who and when, the text as saved now, and field by field what is saved now against
 * what the editor is trying to save. The editor's values stay in the form below.
 */
export function ConflictNotice({ conflict, headingId }: { conflict: ConflictView; headingId: string }) {
  const when = conflict.savedAt ? `${AT.format(new Date(conflict.savedAt))} UTC` : null;
  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {conflict.deleted ? `This ${conflict.entity} was deleted after you opened it` : `Someone saved this ${conflict.entity} after you opened it`}
      </h2>
      <p>
        {conflict.deleted ? "Deleted" : `Version ${conflict.version} saved`}
        {conflict.savedBy ? (
          <>
            {" "}
            by <strong>{conflict.savedBy}</strong>
          </>
        ) : null}
        {when ? (
          <>
            {" "}
            on <time dateTime={conflict.savedAt!}>{when}</time>
          </>
        ) : null}
        . Nothing of yours was saved yet, and nothing of theirs was overwritten.
      </p>
      {conflict.savedText !== null && !conflict.deleted ? (
        <div className="conflict__saved">
          <p className="conflict__label">The text as saved now:</p>
          <blockquote className="conflict__text">{conflict.savedText}</blockquote>
        </div>
      ) : null}
      {conflict.changes.length > 0 ? (
        <div className="table-scroll">
          <table className="diff-table">
            <caption>Where the saved version and yours differ</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved now</th>
                <th scope="col">Yours (still in the form)</th>
              </tr>
            </thead>
            <tbody>
              {conflict.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">
                    {c.label}
                    {c.changedSinceOpened ? <span className="badge badge--warn conflict__changed">changed since you opened it</span> : null}
                  </th>
                  <td className="diff-table__value">{c.saved}</td>
                  <td className="diff-table__value">{c.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Your version and the saved one do not differ.</p>
      )}
      {!conflict.deleted ? (
        <p className="conflict__next">
          To keep their change, copy it into the form, or reload the page to start again from the saved version. Saving the form as it is applies your values over version {conflict.version}; it is checked again, so nothing saved after this moment is overwritten either.
        </p>
      ) : null}
    </section>
  );
}
