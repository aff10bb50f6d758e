import type { TimelineSession, TimelineStatement } from "@/lib/data/talks";
import { SESSION_KIND_LABEL } from "@/lib/labels";
import { OutcomeBadge } from "../badges";
import { VenueTime } from "../venue-time";
import { SessionEditLinks } from "./edit-links";
import { IssueLinks } from "./issue-links";
import { SourceList } from "./source-list";
import { StatementList } from "./statement-list";

export function SessionItem({
  session: s,
  statements,
  timeZone,
  partyIndex,
  page,
  editBase,
}: {
  page: string;
  /** The talk's path, for editors: adds the session's editing links. */
  editBase?: string;
  session: TimelineSession;
  statements: TimelineStatement[];
  timeZone: string;
  partyIndex: Map<string, number>;
}) {
  return (
    <li id={`session-${s.id}`} className="session">
      <div className="session__head">
        <h4>{s.title}</h4>
        {s.startsAt && <VenueTime at={s.startsAt} end={s.endsAt} timeZone={timeZone} />}
        <span className="badge badge--outline">{s.kind ? SESSION_KIND_LABEL[s.kind] : "Kind not reported"}</span>
        <OutcomeBadge outcome={s.outcome} />
      </div>
      {s.summary && <p className="session__summary">{s.summary}</p>}
      {s.outcomeNote && <p className="session__note">{s.outcomeNote}</p>}
      <p className="statement__foot">
        <IssueLinks issues={s.issues} />
        <SourceList sources={s.sources} />
      </p>
      {editBase && <SessionEditLinks base={editBase} id={s.id} day={s.localDay} title={s.title} />}
      {statements.length > 0 && <StatementList statements={statements} timeZone={timeZone} partyIndex={partyIndex} page={page} editBase={editBase} />}
    </li>
  );
}
