// Editors' links on the timeline: plain anchors to the editing pages, rendered only for editors
// (the page decides) and carrying no version or other state, so the talk page stays light with
// thousands of statements and a stale page cannot make a stale save.
import "../editing/editing.css";

/** On each day: add a statement or a session to it, assess the gap on it. */
export function DayEditLinks({ base, day, label }: { base: string; day: string; label: string }) {
  const known = day !== "unknown";
  return (
    <p className="edit-links no-print">
      <a href={`${base}/statements/new?day=${day}`}>
        Add statement<span className="visually-hidden"> to {label}</span>
      </a>
      <a href={`${base}/sessions/new?day=${day}`}>
        Add session<span className="visually-hidden"> to {label}</span>
      </a>
      {known ? (
        <a href={`${base}/assessments/new?day=${day}`}>
          Assess the gap<span className="visually-hidden"> on {label}</span>
        </a>
      ) : null}
    </p>
  );
}

/** In each session: add a statement made in it; edit, see the history of, or delete the session. */
export function SessionEditLinks({ base, id, day, title }: { base: string; id: string; day: string | null; title: string }) {
  return (
    <p className="edit-links no-print">
      <a href={`${base}/statements/new?${day ? `day=${day}&` : "day=unknown&"}session=${id}`}>
        Add statement<span className="visually-hidden"> in the session “{title}”</span>
      </a>
      <a href={`${base}/sessions/${id}/edit`}>
        Edit<span className="visually-hidden"> the session “{title}”</span>
      </a>
      <a href={`${base}/sessions/${id}/history`}>
        History<span className="visually-hidden"> of the session “{title}”</span>
      </a>
      <a href={`${base}/sessions/${id}/delete`}>
        Delete<span className="visually-hidden"> the session “{title}”</span>
      </a>
    </p>
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
