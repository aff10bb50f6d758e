// Clock times in the venue's zone. Never more precise than recorded: callers pass only
// instants whose precision is minute.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** "09:30" in the given zone. */
export function formatClock(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "HH:mm");
}

/** The zone's short name at that instant, e.g. "GMT+8" or "CET"/"CEST" where the runtime knows one. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
