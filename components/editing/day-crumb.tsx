"use client";
// The editing pages' breadcrumb names the day the form is for (issue 12): when the editor picks
// another day in the form, the breadcrumb and the page's way back (Cancel) follow it, so "back to
// the day" leads to the day the row is going to, not the one the form was opened from.
import Link from "next/link";
import { useEffect, useState } from "react";
import { dayLabel } from "@/lib/editing/day-label";
import { isLocalDay } from "@/lib/time/local-day";

const FORM_DAY_EVENT = "parley:form-day";

/** Says which day the form on this page is now for (a date field's change, a session chosen). */
export function announceFormDay(day: string) {
  if (isLocalDay(day)) window.dispatchEvent(new CustomEvent<string>(FORM_DAY_EVENT, { detail: day }));
}

/** The day the form is for: starts as the page's, then follows announceFormDay. */
export function useFormDay(initial: string | null): string | null {
  const [day, setDay] = useState(initial);
  useEffect(() => {
    const follow = (event: Event) => setDay((event as CustomEvent<string>).detail);
    window.addEventListener(FORM_DAY_EVENT, follow);
    return () => window.removeEventListener(FORM_DAY_EVENT, follow);
  }, []);
  return day;
}

type Talk = { slug: string; title: string; firstDay: string; venueTimeZone: string };

/** "Talk › Day 4 · Tue 7 Feb", the day's part following the form. `day` null: no day part until one is chosen. */
export function DayCrumb({ talk, day, unknown = false }: { talk: Talk; day: string | null; unknown?: boolean }) {
  const current = useFormDay(day);
  const at = current ?? (unknown ? "unknown" : null);
  return (
    <p className="breadcrumb">
      <Link href={`/talks/${talk.slug}`}>{talk.title}</Link>
      {at ? (
        <>
          {" › "}
          <Link href={`/talks/${talk.slug}/days/${at}`} data-form-day={at}>
            {dayLabel(talk, current)}
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** One crumb naming the form's day: the record's own day until the form picks another. */
export function FormDayLink({ talk, day }: { talk: Omit<Talk, "title">; day: string | null }) {
  const current = useFormDay(day);
  return (
    <Link href={`/talks/${talk.slug}/days/${current ?? "unknown"}`} data-form-day={current ?? "unknown"}>
      {dayLabel(talk, current)}
    </Link>
  );
}
