import { Fragment } from "react";
import type { TalkLinkage } from "@/lib/data/linkages";
import { linkageParts, linkageSentence } from "@/lib/linkage-words";
import { dayPagePath } from "@/lib/entities/talk-row";
import { formatLocalDayShort } from "@/lib/time/local-day";
import { talkDayNumber } from "@/lib/time/zone-calendar";

type Talk = { slug: string; firstDay: string; venueTimeZone: string };

/**
 * The talk's linkages, near its header: "DPRK: no Normalization until Abductions is settled, since
 * day 2", each issue linking to its page and the condition to the statement that stated it.
 * Editors also get add, edit and history links. Readers see nothing when there are none.
 */
export function LinkageList({ talk, linkages, editable = false }: { talk: Talk; linkages: TalkLinkage[]; editable?: boolean }) {
  if (linkages.length === 0 && !editable) return null;
  const day = (d: string) => `day ${talkDayNumber(talk, d)} (${formatLocalDayShort(d)})`;
  const base = `/talks/${talk.slug}/linkages`;
  return (
    <section id="linkages" className="talk-linkages" aria-labelledby="linkages-title">
      <h2 id="linkages-title" className="talk-linkages__title">
        Linkages
      </h2>
      {linkages.length === 0 ? <p className="muted small">No linkages recorded: no party has made one issue conditional on another.</p> : null}
      <ul className="talk-linkages__list">
        {linkages.map((l) => (
          <li key={l.id} className={l.droppedOn ? "talk-linkage talk-linkage--dropped" : "talk-linkage"}>
            <span className="talk-linkage__head">
              {linkageParts({
                party: (
                  <a href={`/parties/${l.party.slug}`} className="talk-linkage__party">
                    {l.party.shortName}
                  </a>
                ),
                issue: <a href={`/issues/${l.issue.slug}`}>{l.issue.name}</a>,
                condition: <a href={`/issues/${l.conditionIssue.slug}`}>{l.conditionIssue.name}</a>,
              }).map((part, i) => (
                <Fragment key={i}>{part}</Fragment>
              ))}
            </span>
            <span className="talk-linkage__when">
              {l.statedOn ? `, since ${day(l.statedOn)}` : ", since a day not recorded"}
              {l.droppedOn ? (
                <>
                  ; <span className="talk-linkage__dropped">dropped</span> on {day(l.droppedOn)}
                </>
              ) : (
                ""
              )}
            </span>
            <span className="talk-linkage__text">
              {l.statement ? (
                <a href={dayPagePath(talk.slug, l.statement.saidOn, { anchor: "statement", id: l.statement.id })} title="The statement that stated it">
                  “{l.text}”
                </a>
              ) : (
                <>“{l.text}”</>
              )}
              {editable ? (
                <span className="talk-linkage__edit no-print">
                  {" "}
                  <a href={`${base}/${l.id}/edit`} aria-label={`Edit the linkage: ${linkageSentence(l.party.shortName, l.issue.name, l.conditionIssue.name)}`}>
                    Edit
                  </a>
                  {" · "}
                  <a href={`${base}/${l.id}/history`} aria-label={`History of the linkage: ${linkageSentence(l.party.shortName, l.issue.name, l.conditionIssue.name)}`}>
                    History
                  </a>
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {editable ? (
        <p className="talk-linkages__add no-print">
          <a href={`${base}/new`}>Add a linkage</a>
        </p>
      ) : null}
    </section>
  );
}
