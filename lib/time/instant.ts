// Clock times in the venue's zone. Never more precise than recorded: callers pass only
// instants whose precision is minute. One formatter per zone, made once: a page or document
// with thousands of times would otherwise spend most of its time building formatters.

const clocks = new Map<string, Intl.DateTimeFormat>();
const zoneNames = new Map<string, Intl.DateTimeFormat>();

function formatterFor(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) cache.set(timeZone, (formatter = new Intl.DateTimeFormat("en-GB", { timeZone, ...options })));
  return formatter;
}

/** "09:30" in the given zone. */
export function formatClock(instant: Date, timeZone: string): string {
  return formatterFor(clocks, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** The zone's short name at that instant, e.g. "GMT+8" or "CET"/"CEST" where the runtime knows one. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = formatterFor(zoneNames, timeZone, { timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
