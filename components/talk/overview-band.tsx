import "./overview-band.css";
import type { ReactNode } from "react";
import { getTalkBands } from "@/lib/data/overview-band";
import type { Gap } from "@/lib/enums";
import { plural } from "@/lib/labels";
import { formatDayRange, formatLocalDayDate } from "@/lib/time/local-day";
import { columnLabel, columnTick, foldLength, gapCounts, UNIT_NOUN, type Band, type BandColumn } from "@/lib/timeline/overview-band";

/** The parties' colours, as statements' borders use them (app/globals.css), then quieter ones. */
const PARTY_COLOURS = ["#5b7fa8", "#a8745b", "#6f8a5e", "#8a6f9a", "#4f8a87", "#96844f"];
const OTHER_PARTY_COLOUR = "#8a939b";
const partyColour = (i: number) => PARTY_COLOURS[i] ?? OTHER_PARTY_COLOUR;

/**
 * Two drawings of one band, one shown per screen width (CSS): the wide one has room for up to 120
 * columns, the narrow one, a phone's, for 40. Each is drawn at about the size it is shown, so its
 * text stays legible, and each has at most that many links, whatever the talk's size or span.
 */
const WIDE = { width: 820, gutter: 112, maxSlots: 120, font: 9.5 } as const;
const NARROW = { width: 350, gutter: 66, maxSlots: 40, font: 10.5 } as const;
type Layout = typeof WIDE | typeof NARROW;

type Names = { parties: string[]; issues: string[] };

/**
 * The whole talk at a glance, at the top of its page: statements per day by party, sessions, and
 * where the gap on each issue moved, drawn on the server as SVG (no script). Every column links to
 * its first day (`dayHref`, as "Jump to a day" does); long stretches with nothing recorded fold.
 */
export async function OverviewBand({
  slug,
  parties,
  issues,
  dayHref,
  asOf = null,
}: {
  slug: string;
  /** The moment an "as known on" page shows: the band of the record then. */
  asOf?: Date | null;
  parties: { slug: string; shortName: string }[];
  issues: { slug: string; name: string }[];
  dayHref: (day: string) => string;
}) {
  const order = { parties: parties.map((p) => p.slug), issues: issues.map((i) => i.slug) };
  const read = await getTalkBands(slug, order, { wide: WIDE.maxSlots, narrow: NARROW.maxSlots }, asOf);
  if (!read || read.bands.wide.slots.length === 0) return null;
  const { bands, undated } = read;
  const { wide, narrow } = bands;
  const nameOf = new Map([...parties.map((p) => [p.slug, p.shortName] as const), ...issues.map((i) => [`issue ${i.slug}`, i.name] as const)]);
  const names: Names = { parties: wide.parties.map((s) => nameOf.get(s) ?? s), issues: wide.issues.map((s) => nameOf.get(`issue ${s}`) ?? s) };
  const mirrored = wide.parties.length === 2;
  const columns = (b: Band) => b.slots.filter((s): s is BandColumn => s.kind === "column");
  const gapsShown = GAP_KEYS.filter((g) => wide.totals.gaps.some((counts) => counts[g]));
  const first = columns(wide)[0]!.first;
  const last = columns(wide).at(-1)!.last;

  return (
    <section className="band" aria-labelledby="band-heading">
      <div className="band__head">
        <h2 id="band-heading">The whole talk</h2>
        <p className="muted small">
          {formatDayRange(first, last)}: {summaryLine(wide, names)}
          {undated.statements + undated.sessions > 0 && (
            <>
              {" "}
              Not drawn: <a href={dayHref("unknown")}>{undatedWords(undated)} on days not reported</a>.
            </>
          )}
        </p>
      </div>
      <BandSvg band={wide} names={names} layout={WIDE} dayHref={dayHref} className="band__svg band__svg--wide" />
      <BandSvg band={narrow} names={names} layout={NARROW} dayHref={dayHref} className="band__svg band__svg--narrow" />
      <ul className="band__legend small" aria-label="How to read the band">
        <li>
          <span className="band__unit band__unit--wide">
            Each column is a {UNIT_NOUN[wide.unit]}
            {hasFolds(wide) && FOLD_KEY}
          </span>
          <span className="band__unit band__unit--narrow">
            Each column is a {UNIT_NOUN[narrow.unit]}
            {hasFolds(narrow) && FOLD_KEY}
          </span>
        </li>
        <li>
          Statements
          {wide.parties.map((p, i) => (
            <span key={p} className="band__key">
              <Swatch>
                <rect x="1" y="1" width="10" height="10" fill={partyColour(i)} />
              </Swatch>
              {names.parties[i]}
              {mirrored && (i === 0 ? " above the line" : " below it")}
            </span>
          ))}
        </li>
        <li>
          {wide.totals.sessions > 0 && (
            <span className="band__key">
              <Swatch>
                <rect x="3" y="3" width="6" height="6" fill="#4a535c" />
              </Swatch>
              session
            </span>
          )}
          {gapsShown.length > 0 && (
            <>
              Gap:
              {gapsShown.map((g) => (
                <span key={g} className="band__key">
                  <Swatch>
                    <path {...gapStyle(g)} d={gapMark(g, 6, 6, 4)} />
                  </Swatch>
                  {g}
                </span>
              ))}
            </>
          )}
        </li>
      </ul>
      <GapSummary band={wide} names={names} />
    </section>
  );
}

const hasFolds = (band: Band) => band.slots.some((s) => s.kind === "fold");
const FOLD_KEY = (
  <>
    <span aria-hidden="true"> · </span>⋯ nothing recorded for that long
  </>
);

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="band__swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** "9 statements (Japan 5, DPRK 4), 2 sessions, 1 gap assessment." */
function summaryLine(band: Band, names: Names): string {
  const total = band.totals.statements.reduce((a, b) => a + b, 0);
  const byParty = band.totals.statements.map((n, i) => `${names.parties[i]} ${n.toLocaleString("en-GB")}`).join(", ");
  const assessed = band.totals.gaps.reduce((n, g) => n + Object.values(g).reduce((a, b) => a + (b ?? 0), 0), 0);
  return `${plural(total, "statement")}${band.parties.length > 1 ? ` (${byParty})` : ""}, ${plural(band.totals.sessions, "session")}, ${plural(assessed, "gap assessment")}.`;
}

function undatedWords(undated: { statements: number; sessions: number }): string {
  return [undated.statements > 0 ? plural(undated.statements, "statement") : null, undated.sessions > 0 ? plural(undated.sessions, "session") : null].filter(Boolean).join(" and ");
}

/** For screen readers, what the issue rows show as a whole; each column's link says the rest. */
function GapSummary({ band, names }: { band: Band; names: Names }) {
  const folds = band.slots.filter((s) => s.kind === "fold");
  const longest = folds.reduce<(typeof folds)[number] | null>((a, b) => (a === null || (b.kind === "fold" && a.kind === "fold" && b.days > a.days) ? b : a), null);
  return (
    <div className="visually-hidden">
      <p>
        The band shows the whole talk, {plural(band.slots.length - folds.length, UNIT_NOUN[band.unit])} with something recorded
        {longest && longest.kind === "fold" && `, and ${plural(folds.length, "stretch")} with nothing recorded, the longest ${foldLength(longest.days)} (${formatLocalDayDate(longest.first)} to ${formatLocalDayDate(longest.last)})`}
        . Each column links to its first day.
      </p>
      {band.issues.length > 0 && (
        <ul aria-label="Gap assessments by issue">
          {band.issues.map((slug, i) => (
            <li key={slug}>
              {names.issues[i]}: {gapCounts(band.totals.gaps[i]!) || "not assessed"}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const GAP_KEYS: Gap[] = ["narrowing", "widening", "agreed", "deadlocked", "unchanged"];

const GAP_COLOUR: Record<Gap, string> = { narrowing: "#2f6b1a", widening: "#9a5b00", agreed: "#14502b", deadlocked: "#9b2c2c", unchanged: "#8a939b" };

/** Filled shapes for narrowing (circle) and agreed (square), strokes for widening (ring), deadlocked (cross), unchanged (dash). */
function gapStyle(g: Gap): { fill: string; stroke?: string; strokeWidth?: number } {
  return g === "narrowing" || g === "agreed" ? { fill: GAP_COLOUR[g] } : { fill: "none", stroke: GAP_COLOUR[g], strokeWidth: g === "unchanged" ? 1.2 : 1.3 };
}

function gapMark(g: Gap, x: number, y: number, r: number): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  switch (g) {
    case "narrowing":
    case "widening": {
      const rr = g === "widening" ? r * 0.8 : r;
      return `M${f(x - rr)} ${f(y)}a${f(rr)} ${f(rr)} 0 1 0 ${f(2 * rr)} 0a${f(rr)} ${f(rr)} 0 1 0 ${f(-2 * rr)} 0Z`;
    }
    case "agreed":
      return `M${f(x - r * 0.85)} ${f(y - r * 0.85)}h${f(1.7 * r)}v${f(1.7 * r)}h${f(-1.7 * r)}Z`;
    case "deadlocked": {
      const d = r * 0.75;
      return `M${f(x - d)} ${f(y - d)}L${f(x + d)} ${f(y + d)}M${f(x + d)} ${f(y - d)}L${f(x - d)} ${f(y + d)}`;
    }
    case "unchanged":
      return `M${f(x - r * 0.7)} ${f(y)}h${f(1.4 * r)}`;
  }
}

function BandSvg({ band, names, layout, dayHref, className }: { band: Band; names: Names; layout: Layout; dayHref: (day: string) => string; className: string }) {
  const { width, gutter, font } = layout;
  const f = (n: number) => Math.round(n * 10) / 10;
  const mirrored = band.parties.length === 2;
  const top = 4;
  const up = mirrored ? 28 : 44;
  const down = mirrored ? 28 : 0;
  const baseline = top + up;
  // The sessions' row only when the talk has sessions on known days.
  const hasSessions = band.totals.sessions > 0;
  const sessionsY = baseline + down + (hasSessions ? 9 : -6);
  // A row for each issue assessed at least once; the summary names the others.
  const rows = band.issues.flatMap((_, k) => (Object.keys(band.totals.gaps[k]!).length > 0 ? [k] : []));
  const rowOf = new Map(rows.map((k, row) => [k, row]));
  const issueY = (k: number) => sessionsY + 13 + (rowOf.get(k) ?? rows.length) * 12;
  const plotBottom = sessionsY + 13 + rows.length * 12 - 4;
  const axisY = plotBottom + 12;
  const height = axisY + 4;

  const plot = width - gutter - 2;
  // Few columns spread out, but not into slabs: a column is at most 64 units wide, a bar 16.
  const slotWidth = Math.min(plot / band.slots.length, 64);
  const barWidth = Math.max(1, Math.min(16, slotWidth * 0.72));
  const x0 = (i: number) => gutter + i * slotWidth;
  const scaleParty = mirrored ? band.maxParty : band.maxTotal;
  const barHeight = (n: number, room: number) => (n <= 0 ? 0 : Math.max(1.5, (n / scaleParty) * room));

  const partyPaths = band.parties.map(() => [] as string[]);
  const sessionPath: string[] = [];
  const gapPaths = band.issues.map((): Partial<Record<Gap, string[]>> => ({}));
  const baselinePath: string[] = [];
  const folds: { x: number; label: string }[] = [];
  const ticks: { x: number; label: string }[] = [];
  const links: ReactNode[] = [];
  const r = Math.max(1.3, Math.min(3.4, slotWidth * 0.36));
  let previousYear: string | null = null;

  band.slots.forEach((slot, i) => {
    const x = x0(i);
    const cx = x + slotWidth / 2;
    if (slot.kind === "fold") {
      folds.push({ x: cx, label: foldLength(slot.days) });
      return;
    }
    baselinePath.push(`M${f(x)} ${baseline}h${f(slotWidth)}`);
    const bx = f(cx - barWidth / 2);
    const bw = f(barWidth);
    if (mirrored) {
      const [a, b] = slot.statements as [number, number];
      const ha = barHeight(a, up - 2);
      const hb = barHeight(b, down - 2);
      if (ha) partyPaths[0]!.push(`M${bx} ${f(baseline - ha)}h${bw}v${f(ha)}h${-bw}Z`);
      if (hb) partyPaths[1]!.push(`M${bx} ${baseline}h${bw}v${f(hb)}h${-bw}Z`);
    } else {
      // Stacked from the line up, in the talk's order of parties.
      let y = baseline;
      const h = barHeight(slot.total, up - 2);
      slot.statements.forEach((n, p) => {
        if (n <= 0) return;
        const hp = Math.max(0.8, (n / slot.total) * h);
        partyPaths[p]!.push(`M${bx} ${f(y - hp)}h${bw}v${f(hp)}h${-bw}Z`);
        y -= hp;
      });
    }
    if (slot.sessions > 0) {
      const s = Math.max(1.5, Math.min(6, slotWidth * 0.5));
      sessionPath.push(`M${f(cx - s / 2)} ${f(sessionsY - s / 2)}h${f(s)}v${f(s)}h${f(-s)}Z`);
    }
    slot.issues.forEach((cell, k) => {
      if (!cell.gap) return;
      (gapPaths[k]![cell.gap] ??= []).push(gapMark(cell.gap, cx, issueY(k), r));
    });
    const year = slot.start.slice(0, 4);
    ticks.push({ x: cx, label: columnTick(band.unit, slot, previousYear !== year && band.unit !== "year" && band.unit !== "decade") });
    previousYear = year;
    links.push(
      <a key={slot.start} href={dayHref(slot.first)} aria-label={columnLabel(band.unit, slot, names)}>
        <rect className="band__hit" x={f(x)} y={0} width={f(slotWidth)} height={f(plotBottom)} />
      </a>,
    );
  });

  const labels = placeLabels<AxisLabel>(
    folds.map((fo) => ({ ...fo, kind: "fold" })),
    ticks.map((t) => ({ ...t, kind: "tick" })),
    font,
    gutter,
    width,
  );
  const label = (text: string, room: number) => (text.length * font * 0.56 <= room ? text : `${text.slice(0, Math.max(1, Math.floor(room / (font * 0.56)) - 1))}…`);

  return (
    <svg className={className} viewBox={`0 0 ${width} ${f(height)}`} role="group" aria-label="Statements, sessions and gap assessments over the whole talk: each column links to its first day" fontSize={font}>
      <g aria-hidden="true">
        {rows.map((k) => (
          <path key={k} d={`M${gutter} ${issueY(k)}H${width - 2}`} stroke="#eceef0" strokeWidth={1} />
        ))}
        <path d={baselinePath.join("")} stroke="#9aa3ab" strokeWidth={1} />
        {partyPaths.map((d, p) => (d.length ? <path key={p} d={d.join("")} fill={partyColour(p)} /> : null))}
        {sessionPath.length > 0 && <path d={sessionPath.join("")} fill="#4a535c" />}
        {gapPaths.map((byGap, k) =>
          GAP_KEYS.map((g) => (byGap[g] ? <path key={`${k} ${g}`} d={byGap[g].join("")} {...gapStyle(g)} /> : null)),
        )}
        {folds.map((fo) => (
          <text key={fo.x} x={f(fo.x)} y={baseline + 3} textAnchor="middle" className="band__fold">
            ⋯
          </text>
        ))}
        <g className="band__names">
          {mirrored ? (
            <>
              <text x={0} y={top + font}>{label(names.parties[0]!, gutter - 6)}</text>
              <text x={0} y={baseline + down - 2}>{label(names.parties[1]!, gutter - 6)}</text>
            </>
          ) : (
            <text x={0} y={baseline - 2}>Statements</text>
          )}
          {hasSessions && (
            <text x={0} y={sessionsY + font * 0.35}>
              Sessions
            </text>
          )}
          {rows.map((k) => (
            <text key={k} x={0} y={issueY(k) + font * 0.35}>
              {label(names.issues[k]!, gutter - 6)}
            </text>
          ))}
        </g>
        {labels.map((l) => (
          <text key={`${l.kind} ${l.x}`} x={f(l.x)} y={axisY} textAnchor="middle" className={l.kind === "fold" ? "band__fold-label" : "band__tick"}>
            {l.kind === "fold" ? `⋯ ${l.label} ⋯` : l.label}
          </text>
        ))}
      </g>
      {links}
    </svg>
  );
}

/**
 * The axis's labels that fit without overlapping: every fold's length first (left to right), then
 * the columns' dates in the room left. At most one label per slot, so bounded like the band.
 */
type AxisLabel = { x: number; label: string; kind: "fold" | "tick" };

function placeLabels<T extends AxisLabel>(folds: T[], ticks: T[], font: number, left: number, right: number): T[] {
  const taken: [number, number][] = [];
  const out: T[] = [];
  const widthOf = (l: T) => (l.kind === "fold" ? l.label.length + 4 : l.label.length) * font * 0.56;
  const tryPlace = (l: T) => {
    const w = widthOf(l);
    const a = Math.max(left, l.x - w / 2 - 3);
    const b = a + w + 6;
    if (b > right + 2) return;
    if (taken.some(([p, q]) => a < q && b > p)) return;
    taken.push([a, b]);
    out.push({ ...l, x: a + 3 + w / 2 });
  };
  folds.forEach(tryPlace);
  ticks.forEach(tryPlace);
  return out;
}

