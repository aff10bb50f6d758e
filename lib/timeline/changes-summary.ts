// The count line at the top of a "what changed since" view (docs/decisions/023-as-known-on.md):
// "15 changes since …: 7 statements added, 3 corrected, 2 deleted; 1 session added; 2 gap
// assessments added" — the kinds in the brief's order (components/brief/talk-brief.tsx), so that
// the brief and the timeline it links to count alike.
// Pure, so the wording is tested without a page.

export type Change = "added" | "corrected" | "deleted";
export type ChangeCounts = Record<Change, number>;
export type ChangesByKind = { statements: ChangeCounts; sessions: ChangeCounts; assessments: ChangeCounts };

const CHANGES: Change[] = ["added", "corrected", "deleted"];
const NOUNS = { statements: ["statement", "statements"], sessions: ["session", "sessions"], assessments: ["gap assessment", "gap assessments"] } as const;
/** The kinds, in the order the count line names them. */
export const CHANGED_KINDS = ["statements", "sessions", "assessments"] as const;
export type ChangedKind = (typeof CHANGED_KINDS)[number];

/**
 * The number of changes and their split by kind, leaving out what is none. Deleted rows are
 * counted only `withDeleted` (for editors: the history shows deleted rows to editors alone).
 */
export function describeChanges(byKind: ChangesByKind, withDeleted: boolean): { total: number; detail: string } {
  const shown = CHANGES.filter((c) => withDeleted || c !== "deleted");
  let total = 0;
  const kinds: string[] = [];
  for (const kind of CHANGED_KINDS) {
    const parts = shown.filter((c) => byKind[kind][c] > 0).map((c) => ({ change: c, n: byKind[kind][c] }));
    if (parts.length === 0) continue;
    total += parts.reduce((sum, p) => sum + p.n, 0);
    const [first, ...rest] = parts;
    const noun = NOUNS[kind][first!.n === 1 ? 0 : 1];
    kinds.push([`${count(first!.n)} ${noun} ${first!.change}`, ...rest.map((p) => `${count(p.n)} ${p.change}`)].join(", "));
  }
  return { total, detail: kinds.join("; ") };
}

const count = (n: number) => n.toLocaleString("en-GB");
