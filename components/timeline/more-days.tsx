"use client";

import { Suspense, startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import { loadTalkDays } from "@/app/talks/[slug]/load-days";
import { DAY_CHANGED_EVENT, type DayChangedDetail } from "./day-events";
import { windowHref } from "./window-href";

type Chunk = { from: string; first: string | null; last: string | null; days: ReactNode; stale: boolean };

/** Tries of a window that failed to load, and the waits between them (a busy server, a blip). */
const RETRY_DELAYS_MS = [400, 1_500];

async function loadPatiently(slug: string, query: string, from: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await loadTalkDays(slug, query, from);
      if (result.ok) return result;
      throw new Error(result.message);
    } catch (error) {
      const wait = RETRY_DELAYS_MS[attempt];
      if (wait === undefined) throw error;
      console.warn(`The days from ${from} could not be loaded (${error instanceof Error ? error.message : String(error)}); trying again.`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * The rest of a long talk's timeline, after the days the page came with: one window of days at a
 * time, loaded when the reader comes within a few screens of the end, rendered by the server
 * (loadTalkDays). Windows already loaded load again when live updates say their days changed.
 * Without JavaScript, or when loading fails, it is a link to the page of the next window.
 */
export function MoreDays({ slug, query, next, nextLabel }: { slug: string; query: string; next: string; nextLabel: string }) {
  const href = (from: string) => windowHref(`/talks/${slug}`, query, from);
  const [chunks, setChunks] = useState<Chunk[]>([]);
  const [cursor, setCursor] = useState<{ from: string; label: string } | null>({ from: next, label: nextLabel });
  const [state, setState] = useState<"waiting" | "loading" | "failed">("waiting");
  const sentinel = useRef<HTMLParagraphElement>(null);

  // The page was refreshed (live updates) and its own days now end elsewhere: start again from there.
  const [start, setStart] = useState(next);
  if (start !== next) {
    setStart(next);
    setChunks([]);
    setCursor({ from: next, label: nextLabel });
    setState("waiting");
  }

  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || state !== "waiting") return;
    const from = cursor.from;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setState("loading");
        loadPatiently(slug, query, from).then(
          (loaded) => {
            if (!mounted.current) return;
            // A transition: while the new days finish arriving, the page keeps showing what it has
            // (an urgent update would show the nearest loading state instead, the whole timeline's).
            startTransition(() => {
              setChunks((list) => (list.some((c) => c.from === from) ? list : [...list, { from, first: loaded.first, last: loaded.last, days: loaded.days, stale: false }]));
              setCursor(loaded.next && loaded.nextLabel ? { from: loaded.next, label: loaded.nextLabel } : null);
              setState("waiting");
            });
          },
          () => mounted.current && setState("failed"),
        );
      },
      // Within a few screens below the viewport, or anywhere above it: a reader who jumps past
      // the end (to the sources, with End) has gone by it without it ever crossing the viewport.
      { rootMargin: "1000% 0px 1200px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [slug, query, cursor, state]);

  // Live updates: a loaded window whose days changed loads again (the page's own days refresh with the page).
  useEffect(() => {
    if (chunks.length === 0) return;
    const onChange = (event: Event) => {
      const { days } = (event as CustomEvent<DayChangedDetail>).detail;
      for (const chunk of chunks) {
        const touched = days === "all" || days.some((d) => chunk.first !== null && chunk.last !== null && d >= chunk.first && d <= chunk.last);
        if (!touched) continue;
        loadPatiently(slug, query, chunk.from).then(
          (fresh) =>
            startTransition(() => setChunks((list) => list.map((c) => (c.from === chunk.from ? { ...c, first: fresh.first, last: fresh.last, days: fresh.days, stale: false } : c)))),
          () => setChunks((list) => list.map((c) => (c.from === chunk.from ? { ...c, stale: true } : c))),
        );
      }
    };
    window.addEventListener(DAY_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(DAY_CHANGED_EVENT, onChange);
  }, [slug, query, chunks]);

  return (
    <>
      {chunks.map((chunk) => (
        <div key={chunk.from}>
          {chunk.stale && (
            <p role="alert" className="small">
              These days changed, but their new version could not be loaded here. <a href={href(chunk.from)}>Open them on their own page.</a>
            </p>
          )}
          <ol className="timeline timeline--more" aria-label="Days of the talk, continued">
            <Suspense fallback={null}>{chunk.days}</Suspense>
          </ol>
        </div>
      ))}
      {cursor && (
        <p ref={sentinel} className="timeline__more no-print" aria-busy={state === "loading"}>
          <a href={href(cursor.from)}>Later days, from {cursor.label}</a>
          {state === "loading" && <span className="muted"> Loading…</span>}
          {state === "failed" && (
            <span role="alert" className="small">
              {" "}
              These days could not be loaded here; the link opens them on their own page.
            </span>
          )}
        </p>
      )}
    </>
  );
}
