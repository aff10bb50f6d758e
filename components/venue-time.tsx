import { formatClock, zoneAbbreviation } from "@/lib/time/instant";

/**
 * A clock time (or a span of two on one day) in the venue's zone, with an empty slot that
 * <ReaderTimes/> fills, in the browser, with the reader's own time of both ends. The server never
 * guesses the reader's zone.
 */
export function VenueTime({ at, end, timeZone }: { at: Date; end?: Date | null; timeZone: string }) {
  return (
    <span className="venue-time">
      <time dateTime={at.toISOString()}>{formatClock(at, timeZone)}</time>
      {end && (
        <>
          –<time dateTime={end.toISOString()}>{formatClock(end, timeZone)}</time>
        </>
      )}{" "}
      <span className="muted">{zoneAbbreviation(at, timeZone)}</span>
      <span className="reader-time" data-at={at.toISOString()} data-end={end ? end.toISOString() : undefined} data-venue-zone={timeZone} />
    </span>
  );
}
