import "@/components/editing/editing.css";
import type { ReactNode } from "react";
import type { HistoryEntry, ShownChange } from "@/lib/data/history";
import { NONE } from "@/lib/data/snapshot-words";
import { sharesWords, wordDiff } from "@/lib/word-diff";
import { Parts } from "./word-diff";

const AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const ACTION: Record<HistoryEntry["action"], { label: string; tone: string }> = {
  create: { label: "Created", tone: "badge--ok" },
  update: { label: "Changed", tone: "badge--accent" },
  delete: { label: "Deleted", tone: "badge--bad" },
  restore: { label: "Restored", tone: "badge--warn" },
};

/** Above this many characters a changed text is shown once, as an inline diff, not twice side by side. */
const INLINE_DIFF_FROM = 120;

/**
 * One changed field: old → new. Texts that keep some of their words have the words deleted and
 * inserted marked (<del> in the old, <ins> in the new); a long text is shown once with both
 * marked inline. A value that was empty, or shares nothing, is shown as it is.
 */
function ChangeRow({ change: c, created }: { change: ShownChange; created: boolean }) {
  if (created) {
    return (
      <tr>
        <th scope="row">{c.label}</th>
        <td className="diff-table__value" data-label="Value">
          {c.after}
        </td>
      </tr>
    );
  }
  const parts = c.before !== NONE && c.after !== NONE ? wordDiff(c.before, c.after) : null;
  const marked = parts && sharesWords(parts) ? parts : null;
  if (marked && Math.max(c.before.length, c.after.length) > INLINE_DIFF_FROM) {
    return (
      <tr>
        <th scope="row">{c.label}</th>
        <td className="diff-table__value diff-table__inline" colSpan={2} data-label="Before → after">
          <Parts parts={marked} show="both" />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{c.label}</th>
      <td className="diff-table__value diff-table__before" data-label="Before">
        {marked ? <Parts parts={marked} show="before" /> : c.before}
      </td>
      <td className="diff-table__value" data-label="After">
        {marked ? <Parts parts={marked} show="after" /> : c.after}
      </td>
    </tr>
  );
}

/**
 * Revisions, newest first: what happened, to which version, who did it and when (UTC, and the
 * reader's own time beside it once <ReaderTimes/> runs), what the row is about (its speaker,
 * party, issues and sources; an assessment's issue), and field by field what changed. `restore`
 * renders the control for an earlier version an editor may bring back, `undo` the one for a
 * deletion still in force; `subject` links each entry to its row (on a talk's history, which
 * mixes rows).
 */
export function RevisionList({
  entries,
  restore,
  undo,
  subject,
  label,
}: {
  entries: HistoryEntry[];
  restore?: (entry: HistoryEntry & { restorable: number }) => ReactNode;
  undo?: (entry: HistoryEntry) => ReactNode;
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
        const actions = (
          <>
            {restore && e.restorable !== null ? restore(e as HistoryEntry & { restorable: number }) : null}
            {undo && e.undoable ? undo(e) : null}
          </>
        );
        return (
          <li key={e.id} className="revision" aria-labelledby={headingId}>
            <h3 id={headingId} className="revision__head">
              <span className={`badge ${action.tone}`}>{action.label}</span>{" "}
              {e.version !== null ? <span className="revision__version">Version {e.version}</span> : null}{" "}
              <span className="revision__who">
                by <strong>{e.actorName}</strong>
              </span>{" "}
              <span className="revision__when">
                <time dateTime={e.at.toISOString()}>{AT.format(e.at)} UTC</time>
                <span className="reader-time" data-at={e.at.toISOString()} data-venue-zone="UTC" />
              </span>
            </h3>
            {about ? <p className="revision__subject">{about.href ? <a href={about.href}>{about.text}</a> : about.text}</p> : null}
            {e.about.length ? (
              <dl className="revision__about">
                {e.about.map((a) => (
                  <div key={a.label}>
                    <dt>{a.label}</dt>
                    <dd>{a.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {e.note ? <p className="revision__note">{e.note}</p> : null}
            {e.action === "delete" ? (
              <p className="muted small">Hidden from the timeline; its content is kept.</p>
            ) : e.changes.length > 0 ? (
              <div className="table-scroll">
                <table className="diff-table diff-table--stacking">
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
                      <ChangeRow key={c.field} change={c} created={e.action === "create"} />
                    ))}
                  </tbody>
                </table>
              </div>
            ) : e.action === "restore" && e.note === "Undid the deletion." ? null : (
              <p className="muted small">No recorded field changed.</p>
            )}
            {(restore && e.restorable !== null) || (undo && e.undoable) ? <div className="revision__actions">{actions}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
