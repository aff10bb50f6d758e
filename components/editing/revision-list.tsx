import "@/components/editing/editing.css";
import type { ReactNode } from "react";
import type { HistoryEntry } from "@/lib/data/history";

const AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const ACTION: Record<HistoryEntry["action"], { label: string; tone: string }> = {
  create: { label: "Created", tone: "badge--ok" },
  update: { label: "Changed", tone: "badge--accent" },
  delete: { label: "Deleted", tone: "badge--bad" },
  restore: { label: "Restored", tone: "badge--warn" },
};

/**
 * Revisions, newest first: what happened, to which version, who did it and when (UTC), and field
 * by field what changed. `restore` renders the control for an earlier version an editor may bring
 * back; `subject` links each entry to its row (on a talk's history, which mixes rows).
 */
export function RevisionList({
  entries,
  restore,
  subject,
  label,
}: {
  entries: HistoryEntry[];
  restore?: (entry: HistoryEntry & { restorable: number }) => ReactNode;
  subject?: (entry: HistoryEntry) => { text: string; href: string | null };
  label: string;
}) {
  if (entries.length === 0) return <p className="muted">No changes are recorded.</p>;
  return (
    <ol className="revisions" aria-label={label}>
      {entries.map((e) => {
        const action = ACTION[e.action];
        const about = subject?.(e);
        const headingId = `revision-${e.id}`;
        return (
          <li key={e.id} className="revision">
            <h3 id={headingId} className="revision__head">
              <span className={`badge ${action.tone}`}>{action.label}</span>{" "}
              {e.version !== null ? <span className="revision__version">Version {e.version}</span> : null}{" "}
              <span className="revision__who">
                by <strong>{e.actorName}</strong>
              </span>{" "}
              <time dateTime={e.at.toISOString()} className="revision__when">
                {AT.format(e.at)} UTC
              </time>
            </h3>
            {about ? <p className="revision__subject">{about.href ? <a href={about.href}>{about.text}</a> : about.text}</p> : null}
            {e.note ? <p className="revision__note">{e.note}</p> : null}
            {e.action === "delete" ? (
              <p className="muted small">Hidden from the timeline; its content is kept.</p>
            ) : e.changes.length > 0 ? (
              <div className="table-scroll">
                <table className="diff-table">
                  <caption className="visually-hidden">
                    {e.action === "create" ? "Content when created" : `What changed${e.version !== null ? ` in version ${e.version}` : ""}`}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      {e.action === "create" ? null : <th scope="col">Before</th>}
                      <th scope="col">{e.action === "create" ? "Value" : "After"}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{c.label}</th>
                        {e.action === "create" ? null : <td className="diff-table__value diff-table__before">{c.before}</td>}
                        <td className="diff-table__value">{c.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : e.action === "restore" && e.note === "Undid the deletion." ? null : (
              <p className="muted small">No recorded field changed.</p>
            )}
            {restore && e.restorable !== null ? <div className="revision__actions">{restore(e as HistoryEntry & { restorable: number })}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
