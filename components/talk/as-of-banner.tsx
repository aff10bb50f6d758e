import "./as-of-banner.css";
import { describeChanges, type ChangeCounts, type ChangesByKind } from "@/lib/timeline/changes-summary";
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
 * "13 changes since Monday 6 February 2006, 18:00 (Beijing): 7 statements added, 3 corrected;
 * 1 session added; 2 gap assessments added" — split by kind (as the brief counts them), deleted rows counted for editors alone (the history
 * shows deleted rows to editors only), who also see them struck through where they stood.
 */
export function ChangesBanner({
  byKind: split,
  counts,
  label,
  scope,
  withDeleted,
  historyHref,
  nowHref,
}: {
  /** The changes by kind (ChangesSince.byKind). */
  byKind?: ChangesByKind;
  /** Both kinds together, as pages written before the split pass them (said without the split). */
  counts?: ChangeCounts;
  label: string;
  /** What the count covers, when less than the talk: "this day" (a day page, which shows no deleted rows). */
  scope?: string;
  withDeleted: boolean;
  historyHref: string;
  nowHref: string;
}) {
  const { total, detail } = split ? describeChanges(split, withDeleted) : together(counts ?? { added: 0, corrected: 0, deleted: 0 }, withDeleted);
  const none = { added: 0, corrected: 0, deleted: 0 };
  const byKind = split ?? { statements: counts ?? none, sessions: none, assessments: none };
  // Deleted statements and gap assessments are put back, struck through; deleted sessions are not.
  const struck = withDeleted && byKind.statements.deleted + byKind.assessments.deleted > 0;
  const deleted = struck || (withDeleted && byKind.sessions.deleted > 0);
  return (
    <section className="as-of-banner" aria-label="Changes shown">
      {total === 0 ? (
        <p>
          <strong>No changes since {label}</strong> to {scope ? `${scope}’s ` : ""}statements, sessions or gap assessments.
        </p>
      ) : (
        <p>
          <strong>
            {total.toLocaleString("en-GB")} {total === 1 ? "change" : "changes"} since {label}
          </strong>
          {scope ? ` to ${scope}’s record` : ""}: {detail}. Each is tagged where it stands
          {/* Pages that pass the counts alone (written before the split) show no deleted rows. */}
          {struck && split && !scope ? <>; deleted ones are struck through where they stood, with the way to restore them</> : null}.
          {deleted ? <> {split ? "All are" : "Deleted ones are"} listed in <a href={historyHref}>the history</a>.</> : null}
        </p>
      )}
      <p>
        <a href={nowHref}>Hide the changes</a>
      </p>
    </section>
  );
}

/** The count line without the split by kind: "…: to statements and gap assessments, 3 added, 1 corrected, 0 deleted". */
function together(counts: ChangeCounts, withDeleted: boolean): { total: number; detail: string } {
  const total = counts.added + counts.corrected + (withDeleted ? counts.deleted : 0);
  const parts = [`${counts.added} added`, `${counts.corrected} corrected`, ...(withDeleted ? [`${counts.deleted} deleted`] : [])];
  return { total, detail: `to statements and gap assessments, ${parts.join(", ")}` };
}
