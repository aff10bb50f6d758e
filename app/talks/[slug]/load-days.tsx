"use server";
// The talk page's later days, as the reader nears them (components/timeline/more-days.tsx): a
// Server Function that reads only the next window of days and returns them rendered, so the
// browser shows exactly what the page would have, through React's own channel. A read, open to
// whoever may read the talk (checked by the data layer), and anything it is sent is checked here.
import type { ReactNode } from "react";
import { z } from "zod";
import { PermissionError } from "@/lib/auth/roles";
import { viewerCanEdit } from "@/lib/data/editing";
import { getTalk, getTalkDays } from "@/lib/data/talks";
import { readMoment } from "@/lib/time/moment";
import { parseFilters } from "@/lib/timeline/filters";
import { UNDATED_DAY } from "@/lib/timeline/window";
import { isLocalDay } from "@/lib/time/local-day";
import { timelineContext, windowLabel, withNextDay } from "@/components/timeline/timeline-context";
import { TimelineDays } from "@/components/timeline/timeline-days";

export type LoadedDays =
  | { ok: true; days: ReactNode; first: string | null; last: string | null; next: string | null; nextLabel: string | null }
  | { ok: false; message: string };

const Input = z.object({
  slug: z.string().min(1).max(200),
  query: z.string().max(2_000),
  from: z.string().refine((d) => d === UNDATED_DAY || isLocalDay(d)),
});

/** The window of the talk's days that starts at `from`, with the page's filters (`query`, "" or "?…"). */
export async function loadTalkDays(slug: string, query: string, from: string): Promise<LoadedDays> {
  const input = Input.safeParse({ slug, query, from });
  if (!input.success) return { ok: false, message: "That part of the timeline does not exist." };
  const params = Object.fromEntries(new URLSearchParams(input.data.query));
  const filters = parseFilters(params);
  try {
    // An "as known on" page's later days are of the same moment, and read-only like it; a "what
    // changed since" page's are marked as its first days are (editors also see the rows deleted since).
    const talk = params.asOf || params.since ? await getTalk(input.data.slug) : null;
    const moment = talk && params.asOf ? readMoment(params.asOf, talk.venueTimeZone, new Date()) : null;
    if (moment && !moment.ok) return { ok: false, message: moment.message };
    const asOf = moment?.ok && !moment.future ? moment.instant : null;
    const sinceMoment = talk && params.since && !params.asOf ? readMoment(params.since, talk.venueTimeZone, new Date()) : null;
    if (sinceMoment && !sinceMoment.ok) return { ok: false, message: sinceMoment.message };
    const editor = viewerCanEdit();
    const read = sinceMoment?.ok
      ? editor.then((withDeleted) => getTalkDays(input.data.slug, filters, input.data.from, null, { since: sinceMoment.instant, withDeleted }))
      : getTalkDays(input.data.slug, filters, input.data.from, asOf);
    const [data, canEdit] = await Promise.all([read, editor]);
    if (!data) return { ok: false, message: "This talk no longer exists." };
    const editable = canEdit && asOf === null;
    const { window } = data;
    return {
      ok: true,
      days: <TimelineDays content={window} ctx={withNextDay(timelineContext(data.frame, editable, { asOf: params.asOf, since: params.since }), data.frame.talk, window)} />,
      first: window.first,
      last: window.last,
      next: window.next,
      nextLabel: windowLabel(window.next),
    };
  } catch (error) {
    if (error instanceof PermissionError) return { ok: false, message: error.message };
    throw error;
  }
}
