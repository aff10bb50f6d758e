import "./as-of-banner.css";
// Says which moment an "as known on" view shows (docs/decisions/023-as-known-on.md), with the way
// back to the record now. Read-only views: the page hides every editing control beside it.
export function AsOfBanner({ moment, nowHref, future }: { moment: string; nowHref: string; future?: boolean }) {
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
        named as they are now. This view cannot be edited.
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
