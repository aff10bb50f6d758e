import "./as-of-banner.css";
// Says which moment an "as known on" view shows (docs/decisions/023-as-known-on.md), with the way
// back to the record now. Read-only views: the page hides every editing control beside it.
export function AsOfBanner({ moment, nowHref, future, also }: { moment: string; nowHref: string; future?: boolean; /** What else the page shows as it is now. */ also?: string }) {
  return (
    <section className="as-of-banner" aria-label="Moment shown">
      {future ? (
        <p>That moment is still to come: the record is shown as it stands now.</p>
      ) : (
        <p>
          <strong>The record as known on {moment}</strong> — later additions, corrections and deletions are not shown.
        </p>
      )}
      <p className="small">
        Rebuilt from the record&apos;s history: sessions, statements and gap assessments as editors had them then. Parties, envoys, issues and sources are
        named as they are now.{also ? ` ${also}` : ""} This view cannot be edited.
      </p>
      <p>
        <a href={nowHref}>See the record now</a>
      </p>
    </section>
  );
}

/** A moment that cannot be read: said on the page (the request itself is fine), with the way back. */
export function MomentNotice({ message, nowHref }: { message: string; nowHref: string }) {
  return (
    <section className="as-of-banner as-of-banner--bad" aria-label="Moment not understood" role="alert">
      <p>{message}</p>
      <p>
        <a href={nowHref}>See the record now</a>
      </p>
    </section>
  );
}

/**
 * "12 changes since Monday 6 February 2006, 18:00 (Beijing)": statements and assessments added,
 * corrected and (for editors, as the history shows them only to editors) deleted since.
 */
export function ChangesBanner({
  counts,
  label,
  scope,
  withDeleted,
  historyHref,
  nowHref,
}: {
  counts: { added: number; corrected: number; deleted: number };
  label: string;
  /** What the count covers, when less than the talk: "this day" (a day page). */
  scope?: string;
  withDeleted: boolean;
  historyHref: string;
  nowHref: string;
}) {
  const total = counts.added + counts.corrected + (withDeleted ? counts.deleted : 0);
  const parts = [`${counts.added} added`, `${counts.corrected} corrected`, ...(withDeleted ? [`${counts.deleted} deleted`] : [])];
  return (
    <section className="as-of-banner" aria-label="Changes shown">
      <p>
        <strong>
          {total} {total === 1 ? "change" : "changes"} since {label}
        </strong>{" "}
        to {scope ? `${scope}’s ` : ""}statements and gap assessments: {parts.join(", ")}. Statements added or corrected since are tagged where they stand.
        {withDeleted && counts.deleted > 0 ? <> Deleted ones are listed in <a href={historyHref}>the history</a>.</> : null}
      </p>
      <p>
        <a href={nowHref}>Hide the changes</a>
      </p>
    </section>
  );
}
