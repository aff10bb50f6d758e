import type { TimelineStatement } from "@/lib/data/talks";
import { StatementItem } from "./statement-item";

export function StatementList({
  statements,
  timeZone,
  parties,
  page,
  editBase,
  sessionLink,
  query,
}: {
  /** The page's query ("" or "?…"): the statements' issue links keep an "as known on" moment. */
  query?: string;
  /** Where a statement said away from its session's day links to that session. */
  sessionLink?: (session: { id: string; day: string | null }) => string;
  /** The talk's path, for editors: adds each statement's editing links. */
  editBase?: string;
  /** The page of the day these statements are on: their permalinks point there. */
  page: string;
  statements: TimelineStatement[];
  timeZone: string;
  /** Party slugs in the talk's order: a statement's colour. */
  parties: string[];
}) {
  return (
    <ol className="statements">
      {statements.map((s) => (
        <StatementItem key={s.id} statement={s} timeZone={timeZone} partyIndex={Math.max(0, parties.indexOf(s.party.slug))} permalink={`${page}#statement-${s.id}`} editBase={editBase} sessionLink={sessionLink} query={query} />
      ))}
    </ol>
  );
}
