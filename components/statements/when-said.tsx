import type { WhenSaidInput } from "@/lib/statements/when-said";
import { whenSaid } from "@/lib/statements/when-said";
import { formatLocalDay } from "@/lib/time/local-day";
import { VenueTime } from "../venue-time";

/**
 * When a statement was said, no more precisely than recorded (lib/statements/when-said.ts): the
 * venue's clock time, a part of the day, nothing more than the day, or that the day is unknown.
 *
 * A statement of unknown day says so, with the day it was reported, unless it is listed under a
 * "Day not reported" heading (`underUndatedHeading`): there only the day it was reported is worth
 * saying, and not when a source cited with it (`citedOn`, their publication days) carries that date.
 */
export function WhenSaid({
  statement,
  timeZone,
  underUndatedHeading = false,
  citedOn = [],
}: {
  statement: WhenSaidInput;
  timeZone: string;
  underUndatedHeading?: boolean;
  citedOn?: (string | null)[];
}) {
  const when = whenSaid(statement, timeZone);
  if (when.kind === "time") return <VenueTime at={when.at} timeZone={timeZone} />;
  if (when.kind === "part") return <span className="muted">{when.label}</span>;
  if (when.kind === "unknown" && !underUndatedHeading) {
    return (
      <span className="muted">
        day not reported{when.reportedOn ? <> · reported {formatLocalDay(when.reportedOn)}</> : null}
      </span>
    );
  }
  if (when.kind === "unknown" && when.reportedOn && !citedOn.includes(when.reportedOn)) {
    return <span className="muted">reported {formatLocalDay(when.reportedOn)}</span>;
  }
  return null;
}
