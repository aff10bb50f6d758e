import type { TimelineStatement } from "@/lib/data/talks";
import { StatementItem } from "./statement-item";

export function StatementList({
  statements,
  timeZone,
  partyIndex,
  page,
  editBase,
  sessionLink,
}: {
  /** Where a statement said away from its session's day links to that session. */
  sessionLink?: (session: { id: string; day: string | null }) => string;
  /** The talk's path, for editors: adds each statement's editing links. */
  editBase?: string;
  /** The page of the day these statements are on: their permalinks point there. */
  page: string;
  statements: TimelineStatement[];
  timeZone: string;
  partyIndex: Map<string, number>;
}) {
  return (
    <ol className="statements">
      {statements.map((s) => (
        <StatementItem key={s.id} statement={s} timeZone={timeZone} partyIndex={partyIndex.get(s.party.slug) ?? 0} permalink={`${page}#statement-${s.id}`} editBase={editBase} sessionLink={sessionLink} />
      ))}
    </ol>
  );
}
