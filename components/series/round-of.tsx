/**
 * "Round 2 of Japan–DPRK normalization talks" (or "A round of …" when the sources do not number
 * it), linking to the series page. A plain link: it sits on readers' pages that carry no
 * next/link client code (the talks index).
 */
export function RoundOf({ series }: { series: { slug: string; name: string; round: number | null } }) {
  return (
    <span className="round-of">
      {series.round !== null ? `Round ${series.round} of ` : "A round of "}
      <a href={`/series/${series.slug}`}>{series.name}</a>
    </span>
  );
}
