"use client";

import { useEffect } from "react";

/**
 * Fills every `.reader-time` slot on the page with the reader's own clock time (and day, when it
 * differs from the venue's), once, after the page has loaded. One effect for the whole page rather
 * than a client component per time keeps hydration cheap on talks with thousands of items.
 */
export function ReaderTimes() {
  useEffect(() => {
    // Tests and benchmarks wait for this: the page is hydrated and its scripts are running.
    document.documentElement.dataset.hydrated = "true";
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const clock = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const dayIn = (z: string) => new Intl.DateTimeFormat("en-GB", { timeZone: z, weekday: "short", day: "numeric", month: "short" });
    const readerDay = dayIn(zone);
    const venueDays = new Map<string, Intl.DateTimeFormat>();
    const fill = () => {
      document.querySelectorAll<HTMLElement>(".reader-time:empty").forEach((el) => {
        const at = new Date(el.dataset.at ?? "");
        const venueZone = el.dataset.venueZone ?? "";
        if (Number.isNaN(at.getTime()) || venueZone === zone) return;
        if (!venueDays.has(venueZone)) venueDays.set(venueZone, dayIn(venueZone));
        const day = readerDay.format(at);
        const otherDay = day !== venueDays.get(venueZone)!.format(at);
        // A span gives both ends (decision 007); the end's day only when it is not the start's.
        const end = el.dataset.end ? new Date(el.dataset.end) : null;
        const endDay = end && !Number.isNaN(end.getTime()) ? readerDay.format(end) : null;
        const until = end && endDay !== null ? `–${clock.format(end)}${endDay !== day ? ` ${endDay}` : ""}` : "";
        el.textContent = ` · ${clock.format(at)}${otherDay ? ` ${day}` : ""}${until} your time`;
      });
      // Only where it differs: writing it anyway would wake the observer below, every frame.
      document.querySelectorAll<HTMLElement>("[data-reader-zone]").forEach((el) => {
        if (el.textContent !== zone) el.textContent = zone;
      });
    };
    fill();
    // Days rendered later (streamed in, or added live) get their times too, once per frame.
    let queued = 0;
    const observer = new MutationObserver(() => {
      if (!queued) queued = requestAnimationFrame(() => ((queued = 0), fill()));
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return null;
}
