// Talks seen from elsewhere (an issue's page) grouped by the series they are rounds of: a group per
// series, in the order of its first round shown, its rounds in the series' order; then the talks
// in no series, in time order. Pure (lib/series/group.test.ts). docs/decisions/025-series.md.
import { compareTalks } from "../statements/group";
import { compareRounds } from "./build";

export type SeriesRef = { slug: string; name: string; round: number | null };

type Item = { talk: { firstDay: string; title: string }; series: SeriesRef | null };

export type SeriesGroup<T> = { series: { slug: string; name: string } | null; items: T[] };

export function groupBySeries<T extends Item>(items: T[]): SeriesGroup<T>[] {
  const groups = new Map<string, { series: { slug: string; name: string }; items: T[] }>();
  const alone: T[] = [];
  for (const item of items) {
    if (!item.series) {
      alone.push(item);
      continue;
    }
    const group = groups.get(item.series.slug);
    if (group) group.items.push(item);
    else groups.set(item.series.slug, { series: { slug: item.series.slug, name: item.series.name }, items: [item] });
  }
  const asRound = (x: T) => ({ firstDay: x.talk.firstDay, title: x.talk.title, round: x.series?.round ?? null });
  const ordered = [...groups.values()].map((g) => ({ ...g, items: [...g.items].sort((a, b) => compareRounds(asRound(a), asRound(b))) }));
  ordered.sort((a, b) => compareTalks(a.items[0]!.talk, b.items[0]!.talk));
  return [...ordered, ...(alone.length ? [{ series: null, items: [...alone].sort((a, b) => compareTalks(a.talk, b.talk)) }] : [])];
}
