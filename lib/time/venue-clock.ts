// Clock times typed by editors are the venue's (a session at 09:30 in Beijing is entered as
// 09:30, wherever the editor sits). These turn a venue day and "HH:MM" into an instant and back,
// with @date-fns/tz, never with the server's or the browser's own zone.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { isLocalDay, type LocalDay } from "./local-day";

export const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which the venue's clocks show `time` on `day`; null when they never do (the
 * hour skipped when clocks go forward). In the hour that repeats when clocks go back, the later
 * of the two.
 */
export function venueInstant(day: LocalDay, time: string, timeZone: string): Date | null {
  const clock = CLOCK.exec(time);
  if (!clock || !isLocalDay(day)) return null;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const instant = new TZDate(y, m - 1, d, Number(clock[1]), Number(clock[2]), timeZone);
  const back = venueClock(new Date(instant.getTime()), timeZone);
  return back.day === day && back.time === time ? new Date(instant.getTime()) : null;
}

/** The venue's day and "HH:MM" at an instant. */
export function venueClock(instant: Date, timeZone: string): { day: LocalDay; time: string } {
  const zoned = new TZDate(instant.getTime(), timeZone);
  return { day: format(zoned, "yyyy-MM-dd"), time: format(zoned, "HH:mm") };
}
