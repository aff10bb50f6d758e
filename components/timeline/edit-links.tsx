// Editors' links on the timeline: plain anchors to the editing pages, rendered only for editors
// (the page decides) and carrying no version or other state, so the talk page stays light with
// thousands of statements and a stale page cannot make a stale save. "Add statement" opens its
// form in place, through one listener for the whole page (inline-add.tsx, loaded for editors
// only), and stays a link to the full form without JavaScript.
import type { ReactNode } from "react";
import "./edit-links.css";

/** The talk's slug, from its path ("/talks/<slug>"), which is what the pages pass as `base`. */
const talkOf = (base: string) => decodeURIComponent(base.split("/")[2] ?? "");

/** On each day: add a statement or a session to it, assess the gap on it. */
export function DayEditLinks({ base, day, label }: { base: string; day: string; label: string }) {
  const known = day !== "unknown";
  return (
    <div className="edit-links no-print">
      <AddStatementLink href={`${base}/statements/new?day=${day}`} talk={talkOf(base)} day={day}>
        Add statement<span className="visually-hidden"> to {label}</span>
      </AddStatementLink>
      <a href={`${base}/sessions/new?day=${day}`}>
        Add session<span className="visually-hidden"> to {label}</span>
      </a>
      {known ? (
        <a href={`${base}/assessments/new?day=${day}`}>
          Assess the gap<span className="visually-hidden"> on {label}</span>
        </a>
      ) : null}
    </div>
  );
}

/** In each session: add a statement made in it; edit, see the history of, or delete the session. */
export function SessionEditLinks({ base, id, day, title }: { base: string; id: string; day: string | null; title: string }) {
  return (
    <div className="edit-links no-print">
      <AddStatementLink href={`${base}/statements/new?day=${day ?? "unknown"}&session=${id}`} talk={talkOf(base)} day={day ?? "unknown"} session={id} sessionTitle={title}>
        Add statement<span className="visually-hidden"> in the session “{title}”</span>
      </AddStatementLink>
      <a href={`${base}/sessions/${id}/edit`}>
        Edit<span className="visually-hidden"> the session “{title}”</span>
      </a>
      <a href={`${base}/sessions/${id}/history`}>
        History<span className="visually-hidden"> of the session “{title}”</span>
      </a>
      <a href={`${base}/sessions/${id}/delete`}>
        Delete<span className="visually-hidden"> the session “{title}”</span>
      </a>
    </div>
  );
}

/** On each statement: edit it, see its history, delete it. */
export function StatementEditLinks({ base, id }: { base: string; id: string }) {
  return (
    <span className="edit-links edit-links--inline no-print">
      <a href={`${base}/statements/${id}/edit`}>
        Edit<span className="visually-hidden"> statement</span>
      </a>
      <a href={`${base}/statements/${id}/history`}>
        History<span className="visually-hidden"> of statement</span>
      </a>
      <a href={`${base}/statements/${id}/delete`}>
        Delete<span className="visually-hidden"> statement</span>
      </a>
    </span>
  );
}

/**
 * "Add statement" on a day or in a session: the full form's page, and what the in-place form needs
 * (read by inline-add.tsx when an editor clicks it without a modifier key).
 */
function AddStatementLink(props: { href: string; talk: string; day: string; session?: string; sessionTitle?: string; children: ReactNode }) {
  return (
    <a href={props.href} data-add-statement={props.talk} data-day={props.day} data-session={props.session} data-session-title={props.sessionTitle} aria-expanded="false">
      {props.children}
    </a>
  );
}
