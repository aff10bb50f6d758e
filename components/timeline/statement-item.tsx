import Link from "next/link";
import type { TimelineStatement } from "@/lib/data/talks";
import { CAPACITY_LABEL, PART_OF_DAY_LABEL, SETTING_LABEL, STATEMENT_KIND_LABEL } from "@/lib/labels";
import { splitQuote } from "@/lib/quote";
import { formatClock, zoneAbbreviation } from "@/lib/time/instant";
import { formatLocalDay } from "@/lib/time/local-day";
import { SourceList } from "./source-list";

export function StatementItem({
  statement: s,
  timeZone,
  partyIndex,
}: {
  statement: TimelineStatement;
  timeZone: string;
  partyIndex: number;
}) {
  const { before, quote, after } = splitQuote(s.text, s.quotedWords);
  return (
    <li id={`statement-${s.id}`} className="statement" data-party-index={partyIndex}>
      <article aria-label={`${s.envoy?.name ?? s.party.shortName}: ${STATEMENT_KIND_LABEL[s.kind]}`}>
        <p className="statement__who">
          <strong>{s.envoy ? s.envoy.name : s.party.shortName}</strong>
          <span className="muted">
            {s.envoy ? `${s.party.shortName}, ` : ""}
            {CAPACITY_LABEL[s.capacity]}
          </span>
          <span className="badge badge--outline">{STATEMENT_KIND_LABEL[s.kind]}</span>
          <WhenSaid statement={s} timeZone={timeZone} />
        </p>
        <p className="statement__text">
          {before}
          {quote !== null && <q className="statement__quoted">{quote}</q>}
          {after}
        </p>
        <p className="statement__foot">
          {s.setting !== "unknown" && <span>{SETTING_LABEL[s.setting]}</span>}
          {s.issues.length > 0 && <span>On: {s.issues.map((i) => i.name).join(", ")}</span>}
          <SourceList sources={s.sources} />
          <Link href={`#statement-${s.id}`} className="no-print" aria-label="Link to this statement">
            #
          </Link>
        </p>
      </article>
    </li>
  );
}

function WhenSaid({ statement: s, timeZone }: { statement: TimelineStatement; timeZone: string }) {
  if (s.saidPrecision === "minute" && s.saidAt) {
    return (
      <span>
        <time dateTime={s.saidAt.toISOString()}>{formatClock(s.saidAt, timeZone)}</time>{" "}
        <span className="muted">{zoneAbbreviation(s.saidAt, timeZone)}</span>
      </span>
    );
  }
  if (s.saidPrecision === "part_of_day" && s.partOfDay) return <span className="muted">{PART_OF_DAY_LABEL[s.partOfDay]}</span>;
  if (s.saidPrecision === "unknown") {
    return (
      <span className="muted">
        day not reported{s.reportedOn ? <> · reported {formatLocalDay(s.reportedOn)}</> : null}
      </span>
    );
  }
  return null;
}
