"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { DAY_CHANGED_EVENT, SAVED_IN_PLACE_EVENT, type DayChangedDetail } from "@/components/timeline/day-events";
import "./live-updates.css";

type Change = { id: string; days: string[]; everyDay: boolean; announcement: string };
type Status = "connecting" | "live" | "reconnecting";

const STATUS_TEXT: Record<Status, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };
/** The page re-renders at most this often, however fast changes come. */
const REFRESH_GAP_MS = 300;

/**
 * Keeps a talk page (or day page) current while it is open: listens to the talk's event stream
 * (app/talks/[slug]/events), re-renders the server components in place (router.refresh keeps the
 * scroll position and what the reader typed), has the windows of days loaded later load again,
 * and tells screen readers what changed, politely. `since` is where the page's content stands.
 */
export function LiveUpdates({ slug, since }: { slug: string; since: string | null }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  const [said, setSaid] = useState<{ key: number; text: string }[]>([]);
  // The stream starts from the page as first rendered; later refreshes pass newer values, which
  // the open connection has already gone past.
  const start = useRef(since);
  const [refreshing, startRefresh] = useTransition();
  const hash = useRef("");

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId = start.current;
    let failures = 0;
    let retryTimer = 0;
    let refreshTimer = 0;
    let lastRefresh = 0;
    let key = 0;
    const recent: string[] = [];
    const days = new Set<string>();
    let everyDay = false;
    let news: string[] = [];

    const flush = () => {
      refreshTimer = 0;
      lastRefresh = Date.now();
      hash.current ||= location.hash;
      startRefresh(() => router.refresh());
      if (everyDay || days.size > 0) {
        const detail: DayChangedDetail = { days: everyDay ? "all" : [...days] };
        window.dispatchEvent(new CustomEvent(DAY_CHANGED_EVENT, { detail }));
      }
      if (news.length > 0) {
        const added = news.map((text) => ({ key: ++key, text }));
        setSaid((list) => [...list, ...added].slice(-3));
      }
      days.clear();
      everyDay = false;
      news = [];
    };
    const schedule = () => {
      if (!refreshTimer) refreshTimer = window.setTimeout(flush, Math.max(50, lastRefresh + REFRESH_GAP_MS - Date.now()));
    };

    const onChange = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastId = event.lastEventId;
      // After a reconnect the server may send again a change that was already here.
      if (recent.includes(event.lastEventId)) return;
      recent.push(event.lastEventId);
      if (recent.length > 200) recent.shift();
      const change = JSON.parse(event.data) as Change;
      change.days.forEach((d) => days.add(d));
      everyDay ||= change.everyDay;
      if (!news.includes(change.announcement)) news.push(change.announcement);
      schedule();
    };
    // This page's own in-place save: the same refresh as for a change the stream reports (which
    // it will, for this save, and the two land in one refresh), without the save's answer having
    // to carry the whole page; and it does not wait for the stream, which may be reconnecting.
    const onSavedHere = (event: Event) => {
      const { days: saved } = (event as CustomEvent<DayChangedDetail>).detail;
      if (saved === "all") everyDay = true;
      else saved.forEach((d) => days.add(d));
      schedule();
    };
    window.addEventListener(SAVED_IN_PLACE_EVENT, onSavedHere);
    const onReset = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastId = event.lastEventId;
      everyDay = true;
      news.push("The talk changed in many places; the page has been brought up to date.");
      schedule();
    };

    const connect = () => {
      retryTimer = 0;
      const query = lastId ? `?since=${encodeURIComponent(lastId)}` : "";
      const es = new EventSource(`/talks/${encodeURIComponent(slug)}/events${query}`);
      source = es;
      es.addEventListener("change", onChange);
      es.addEventListener("reset", onReset);
      // The server cannot read the database (live: false), or can again.
      es.addEventListener("status", (event: MessageEvent<string>) => setStatus((JSON.parse(event.data) as { live: boolean }).live ? "live" : "reconnecting"));
      es.onopen = () => {
        failures = 0;
        setStatus("live");
      };
      es.onerror = () => {
        setStatus("reconnecting");
        // CONNECTING: a dropped connection or a server that closed the stream; the browser
        // reconnects by itself (after `retry:`), sending Last-Event-ID. CLOSED: the server
        // answered with an error or not a stream at all, and the browser gave up: try again
        // ourselves, waiting longer each time (1 s, 2 s, 4 s… up to a minute, with jitter).
        if (es.readyState !== EventSource.CLOSED) return;
        es.close();
        const wait = Math.min(60_000, 1_000 * 2 ** failures++) * (0.75 + Math.random() / 2);
        retryTimer = window.setTimeout(connect, wait);
      };
    };
    connect();

    return () => {
      window.removeEventListener(SAVED_IN_PLACE_EVENT, onSavedHere);
      source?.close();
      window.clearTimeout(retryTimer);
      window.clearTimeout(refreshTimer);
    };
  }, [slug, router]);

  // The router writes its own URL back after a refresh, without the #day-… the reader jumped to
  // with a plain link: put it back, so the address still names the day they are reading.
  useEffect(() => {
    if (refreshing || !hash.current) return;
    if (!location.hash) history.replaceState(history.state, "", `${location.pathname}${location.search}${hash.current}`);
    hash.current = "";
  }, [refreshing]);

  return (
    <>
      <p className="live-status" data-state={status}>
        {STATUS_TEXT[status]}
      </p>
      <div role="status" aria-label="Live updates" aria-atomic="false" aria-relevant="additions" className="visually-hidden">
        {said.map((s) => (
          <p key={s.key}>{s.text}</p>
        ))}
      </div>
    </>
  );
}
