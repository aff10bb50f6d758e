import { wordDiff, type WordPart } from "@/lib/word-diff";

/**
 * Words deleted and inserted between two versions of a text, marked with <del> and <ins>. Not by
 * colour alone: deletions are struck through and insertions underlined, and each is announced as
 * "deleted:" / "inserted:" by screen readers (most ignore the elements themselves) through
 * visually hidden generated text (editing.css, .word-diff del::before…). Generated, not written
 * into the page, so that copying a version copies its words and nothing else. `show` picks the
 * side: "both" (inline), "before" (what was kept and deleted) or "after" (kept and inserted).
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
          show === "after" ? null : <del key={i}>{p.text}</del>
        ) : show === "before" ? null : (
          <ins key={i}>{p.text}</ins>
        ),
      )}
    </span>
  );
}
