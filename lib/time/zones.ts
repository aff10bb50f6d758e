// Venue time-zone names: the IANA database's canonical names only. The runtime's Intl (ICU/CLDR)
// still answers with some names IANA retired long ago — "Asia/Calcutta" for Asia/Kolkata,
// "Asia/Katmandu" for Asia/Kathmandu — and lists only those; Parley stores and offers the IANA
// names, matching any spelling and case Intl accepts ("europe/zurich", "Asia/Calcutta").
import { zoneAbbreviation } from "./instant";
import { isLocalDay, isTimeZone, type LocalDay } from "./local-day";
import { clockChanges } from "./zone-calendar";

/** Intl's (CLDR's) name → the IANA canonical name, where they differ. A test checks each pair against the runtime. */
export const IANA_NAME_OF: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The IANA canonical name of a zone given in any spelling or case Intl accepts, or null if it names none. */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!isTimeZone(trimmed)) return null;
  const resolved = new Intl.DateTimeFormat("en", { timeZone: trimmed }).resolvedOptions().timeZone;
  return IANA_NAME_OF[resolved] ?? resolved;
}

let choices: string[] | null = null;

/** Every zone a venue may be in, by IANA canonical name, sorted: what the talk form offers. */
export function venueZoneChoices(): string[] {
  if (choices) return choices;
  const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  choices = [...new Set(listed.map((z) => IANA_NAME_OF[z] ?? z))].sort();
  return choices;
}

/**
 * The zone's short names over a span of days, in order, each once: "CET/CEST" for a round in
 * Geneva across the change to summer time, "CST" for Beijing. An open span is taken to `lastDay`
 * or, without one, its first day alone.
 */
export function zoneNamesDuring(timeZone: string, firstDay: LocalDay, lastDay: LocalDay | null): string[] {
  if (!isLocalDay(firstDay)) return [zoneAbbreviation(new Date(), timeZone)];
  const last = lastDay && isLocalDay(lastDay) && lastDay >= firstDay ? lastDay : firstDay;
  const from = Date.parse(`${firstDay}T12:00:00Z`);
  // Days beyond a year's worth add no new names (the zone's rules repeat yearly).
  const to = Math.min(Date.parse(`${last}T12:00:00Z`), from + 366 * 86_400_000);
  const names = [zoneAbbreviation(new Date(from), timeZone), ...clockChanges(timeZone, from, to).map((c) => zoneAbbreviation(new Date(c.at), timeZone))];
  return [...new Set(names)];
}
