// A moment named in a URL (`?asOf=…`, `?since=…`): the venue's clock ("2006-02-06T18:00", read in
// the talk's zone, seconds optional), a bare day (its first minute at the venue), or a full ISO
// instant with its offset ("2006-02-06T10:00:00.000Z"), which the history page's links use.
import { formatLocalDay, isLocalDay } from "./local-day";
import { venueClock, venueInstants } from "./venue-clock";

export type MomentReading = { ok: true; instant: Date; future: boolean } | { ok: false; message: string };

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Reads `value` as a moment; a moment after `now` is `now` (the record as it stands), marked `future`. */
export function readMoment(value: string, timeZone: string, now: Date): MomentReading {
  const v = value.trim();
  let instant: Date | null = null;
  if (WITH_OFFSET.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) instant = new Date(t);
  } else {
    const m = LOCAL.exec(v);
    if (m && isLocalDay(m[1]!)) {
      const [hh, mm] = (m[2] ?? "00:00").split(":").map(Number) as [number, number];
      if (hh < 24 && mm < 60 && Number(m[3] ?? 0) < 60) {
        // The first of the instants the venue's clock shows this time (a repeated hour: the
        // earlier); a time the clocks skip is taken as the next one they show.
        const found = venueInstants(m[1]!, m[2] ?? "00:00", timeZone)[0] ?? venueInstants(m[1]!, `${String((hh + 1) % 24).padStart(2, "0")}:00`, timeZone)[0];
        if (found) instant = new Date(found.getTime() + Number(m[3] ?? 0) * 1000);
      }
    }
  }
  if (!instant) {
    return { ok: false, message: `“${value.slice(0, 40)}” is not a moment Parley can read. Write it as the venue's date and time, such as 2006-02-06T18:00, or as a full instant such as 2006-02-06T10:00:00Z.` };
  }
  if (instant.getTime() > now.getTime()) return { ok: true, instant: now, future: true };
  return { ok: true, instant, future: false };
}

/** The venue clock reading of a moment for a URL: "2006-02-06T18:00" (an instant with seconds keeps its full ISO form). */
export function momentParam(instant: Date, timeZone: string): string {
  if (instant.getUTCSeconds() !== 0 || instant.getUTCMilliseconds() !== 0) return instant.toISOString();
  const { day, time } = venueClock(instant, timeZone);
  return `${day}T${time}`;
}

/** "Monday 6 February 2006, 18:00 (Beijing)": a moment on the venue's clock, as banners name it. */
export function formatMoment(instant: Date, timeZone: string, city: string): string {
  const { day, time } = venueClock(instant, timeZone);
  return `${formatLocalDay(day)}, ${time} (${city})`;
}
