// When a statement was said, to the precision recorded and no more (DESIGN.md, "Time"): a clock
// time only when it is known to the minute, a part of the day when that is what was reported,
// nothing beyond the day when only the day is known. One rule for every place that shows it.
import type { PartOfDay, TimePrecision } from "../enums";
import { PART_OF_DAY_LABEL } from "../labels";
import { formatClock, zoneAbbreviation } from "../time/instant";

export type WhenSaidInput = { saidPrecision: TimePrecision; saidAt: Date | null; partOfDay: PartOfDay | null; reportedOn: string | null };

export type WhenSaid =
  | { kind: "time"; at: Date; clock: string; zone: string }
  | { kind: "part"; label: string }
  | { kind: "day" }
  | { kind: "unknown"; reportedOn: string | null };

export function whenSaid(s: WhenSaidInput, timeZone: string): WhenSaid {
  if (s.saidPrecision === "minute" && s.saidAt) return { kind: "time", at: s.saidAt, clock: formatClock(s.saidAt, timeZone), zone: zoneAbbreviation(s.saidAt, timeZone) };
  if (s.saidPrecision === "part_of_day" && s.partOfDay) return { kind: "part", label: PART_OF_DAY_LABEL[s.partOfDay] };
  if (s.saidPrecision === "unknown") return { kind: "unknown", reportedOn: s.reportedOn };
  return { kind: "day" };
}
