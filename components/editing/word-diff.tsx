import { wordDiff, type WordPart } from "@/lib/word-diff";

/**
 * Words deleted and inserted between two versions of a text, marked with <del> and <ins>. Not by
 * colour alone: deletions are struck through and insertions underlined (editing.css), and each
 * carries a visually hidden "deleted:" / "inserted:" for screen readers, which mostly ignore the
 * elements themselves. `show` picks which side: "both" (inline), "before" or "after".
 */
export function WordDiff({ before, after, show = "both" }: { before: string; after: string; show?: "both" | "before" | "after" }) {
  return <Parts parts={wordDiff(before, after)} show={show} />;
}

export function Parts({ parts, show }: { parts: WordPart[]; show: "both" | "before" | "after" }) {
  return (
    <span className="word-diff">
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "deleted" ? (
          show === "after" ? null : (
            <del key={i}>
              <span className="visually-hidden">[deleted: </span>
              {p.text}
              <span className="visually-hidden">]</span>
            </del>
          )
        ) : show === "before" ? null : (
          <ins key={i}>
            <span className="visually-hidden">[inserted: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </span>
  );
}
