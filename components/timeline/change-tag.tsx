import "./change-tag.css";
// A row's mark on a "what changed since" view (docs/decisions/023-as-known-on.md): "added",
// "corrected", or, for editors, "deleted since" — in words, never colour alone.
export function ChangeTag({ change, deletedSince }: { change?: "added" | "corrected"; deletedSince?: true }) {
  if (deletedSince) return <span className="badge badge--bad change-tag">deleted since</span>;
  if (!change) return null;
  return <span className={`badge ${change === "added" ? "badge--ok" : "badge--warn"} change-tag`}>{change}</span>;
}
