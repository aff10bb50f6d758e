"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Deferred days load one at a time, nearest first in the order they come into range: a reader
 * jumping across a long talk must not queue a burst of day renders on the server.
 */
let queue: Promise<unknown> = Promise.resolve();
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * A day of a long talk that the server did not render in full. When it comes within a few
 * screens of the viewport, its content is fetched from the day's own page (server-rendered
 * HTML, so text is already escaped) and put in place. Without JavaScript, the summary it shows
 * links to that page.
 */
export function DeferredDay({ src, day, children }: { src: string; day: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let cancelled = false;
    const load = async () => {
      if (cancelled) return;
      try {
        const response = await fetch(src, { headers: { accept: "text/html" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const doc = new DOMParser().parseFromString(await response.text(), "text/html");
        const body = doc.querySelector(`[data-day-body="${CSS.escape(day)}"]`);
        if (!body) throw new Error("day not in the page");
        if (!cancelled) setHtml(body.innerHTML);
      } catch {
        if (!cancelled) setFailed(true);
      }
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void enqueue(load);
        }
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [src, day]);

  if (html !== null) return <div data-day-body={day} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div ref={ref} className="day__deferred" aria-busy={!failed}>
      {children}
      {failed && (
        <p role="alert" className="small">
          This day could not be loaded here. <a href={src}>Open it on its own page.</a>
        </p>
      )}
    </div>
  );
}
