// Summaries and the printed table. Medians, because a 2-core machine shared with other work
// has outliers; min and max are printed beside them so a noisy run is visible as one.

export type Summary = { median: number; min: number; max: number; samples: number[] };

export function summarize(samples: number[]): Summary | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, samples };
}

export type Unit = "ms" | "KB" | "B" | "count" | "MB" | "px";

/** A number to beat: the row passes when its median is below `below`. */
export type Target = { below: number; text: string };

/** `failed[i]`: some runs of talk i failed outright, so its verdict is FAIL whatever the median. */
export type Row = { label: string; unit: Unit; target?: Target; values: (Summary | null)[]; failed?: boolean[] };

/** KB here is 1,000 bytes (the stricter reading of "100 KB"); MB is 1,000,000 bytes. */
export function format(value: number, unit: Unit): string {
  switch (unit) {
    case "ms":
      return value >= 100 ? value.toFixed(0) : value.toFixed(1);
    case "KB":
      return (value / 1000).toFixed(1);
    case "MB":
      return (value / 1_000_000).toFixed(0);
    case "B":
    case "count":
    case "px":
      return Math.round(value).toLocaleString("en-US");
  }
}

export const verdict = (s: Summary | null, target?: Target) => (!target ? "" : !s ? "n/a" : s.median < target.below ? "PASS" : "FAIL");

/**
 * One table: for each talk, median and min–max; targets and PASS/FAIL on the medians.
 * `names` label the talks' column groups. Without any target among the rows, the target and
 * verdict columns are left out.
 */
export function table(names: string[], rows: Row[]): string {
  const targets = rows.some((r) => r.target);
  const header = ["", ...names.flatMap((n) => [`${n} median`, "min–max"]), ...(targets ? ["target", ...names.map((n) => `${n} verdict`)] : [])];
  const lines = rows.map((r) => [
    `${r.label} (${r.unit})`,
    ...r.values.flatMap((s) => (s ? [format(s.median, r.unit), `${format(s.min, r.unit)}–${format(s.max, r.unit)}`] : ["n/a", ""])),
    ...(targets ? [r.target?.text ?? "", ...r.values.map((s, i) => (r.target && r.failed?.[i] ? "FAIL" : verdict(s, r.target)))] : []),
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => (l[i] ?? "").length)));
  return all
    .map((l) => l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd())
    .join("\n");
}
