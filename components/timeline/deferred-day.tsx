"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { DAY_CHANGED_EVENT, type DayChangedDetail } from "./day-events";

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
 * The day's content from its own page, as parsed nodes of a detached document.
 *
 * Why this is safe: the day page is our own server's HTML (a same-origin path built from the
 * talk's slug and a validated day), rendered by React, which writes every user-supplied string
 * (statement text, names, titles) as escaped text and never as markup; a redirect (to sign in)
 * yields a page without the day, which is refused. The parsed nodes are copied into the page,
 * never serialized and parsed again (no innerHTML round trip, whose re-parsing can differ), and
 * as a second line of defence anything executable is dropped first: script-like elements,
 * inline event handlers, and URLs with a scheme other than http(s) or mailto. The page's CSP
 * forbids inline scripts and handlers as a third.
 */
async function fetchDayBody(src: string, day: string): Promise<Element> {
  const response = await fetch(src, { headers: { accept: "text/html" }, cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const body = doc.querySelector(`[data-day-body="${CSS.escape(day)}"]`);
  if (!body) throw new Error("day not in the page");
  assembleStreamedParts(doc, body);
  body.querySelectorAll("script, iframe, frame, object, embed, base, meta, link, style, template").forEach((el) => el.remove());
  for (const el of body.querySelectorAll("*")) {
    for (const { name, value } of [...el.attributes]) {
      const url = /^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(name) && value.replace(/[\u0000-\u0020]/g, "");
      if (/^on/i.test(name) || (url !== false && /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(https?|mailto):/i.test(url))) {
        el.removeAttribute(name);
      }
    }
  }
  return body;
}

/** Waits before the second and third tries of a day that failed to load (a busy server, a blip). */
const RETRY_DELAYS_MS = [400, 1_500];

async function fetchDayBodyPatiently(src: string, day: string): Promise<Element> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchDayBody(src, day);
    } catch (error) {
      const wait = RETRY_DELAYS_MS[attempt];
      if (wait === undefined) throw error;
      console.warn(`Day ${day} could not be loaded (${error instanceof Error ? error.message : String(error)}); trying again.`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * React may stream a page in parts, not always in order: where a part belongs it leaves a
 * `<template id="P:n">` (or, for a Suspense boundary, `<template id="B:n">` and a fallback),
 * sends the part later in a hidden `<div id="S:n">`, and moves it with an inline script. DOMParser
 * runs no scripts, so without this a long day would come with only its first part: the parts are
 * moved in here, as React's scripts would.
 */
function assembleStreamedParts(doc: Document, root: Element): void {
  const revealed = new Map<string, string>();
  for (const script of doc.querySelectorAll("script")) {
    // $RC reveals a boundary; $RR does too, once the stylesheets it names have loaded.
    for (const [, boundary, part] of (script.textContent ?? "").matchAll(/\$R[CR]\("([^"]+)","([^"]+)"/g)) revealed.set(boundary!, part!);
  }
  for (let slot = root.querySelector('template[id^="P:"], template[id^="B:"]'); slot; slot = root.querySelector('template[id^="P:"], template[id^="B:"]')) {
    const isBoundary = slot.id.startsWith("B:");
    const part = doc.getElementById(isBoundary ? (revealed.get(slot.id) ?? "") : `S:${slot.id.slice(2)}`);
    if (!part) throw new Error(`part ${slot.id} of the day is missing`);
    if (isBoundary) {
      // The fallback ("Loading…") runs from the template to the boundary's closing <!--/$-->.
      for (let node = slot.nextSibling, depth = 0; node; ) {
        const next = node.nextSibling;
        if (node.nodeType === Node.COMMENT_NODE) {
          const data = (node as Comment).data;
          if (data === "/$" && depth === 0) break;
          if (data === "/$") depth--;
          else if (data.startsWith("$")) depth++;
        }
        node.remove();
        node = next;
      }
    }
    slot.replaceWith(...part.childNodes);
    part.remove();
  }
}

/**
 * A day of a long talk that the server did not render in full. When it comes within a few
 * screens of the viewport, its content is fetched from the day's own page and put in place; when
 * live updates say the day changed, a day already loaded is fetched again. Without JavaScript,
 * the summary it shows links to that page.
 */
export function DeferredDay({ src, day, children }: { src: string; day: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [body, setBody] = useState<Element | null>(null);
  const [failed, setFailed] = useState(false);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let cancelled = false;
    const load = async () => {
      if (cancelled) return;
      try {
        const loaded = await fetchDayBodyPatiently(src, day);
        if (!cancelled) setBody(loaded);
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

  const loaded = body !== null;
  useEffect(() => {
    if (!loaded) return; // Not loaded yet: it will be current when it loads.
    let cancelled = false;
    const onChange = (event: Event) => {
      const { days } = (event as CustomEvent<DayChangedDetail>).detail;
      if (days !== "all" && !days.includes(day)) return;
      // A day that changed is likely the one being read: it does not wait behind the loading of
      // days further on. A change to every day (rare) reloads them one by one, like first loads.
      const reload = () => fetchDayBodyPatiently(src, day);
      void (days === "all" ? enqueue(reload) : reload()).then(
        (fresh) => {
          if (cancelled) return;
          setBody(fresh);
          setStale(false);
        },
        // Keeps what it shows, says it may be out of date; the next change tries again.
        () => !cancelled && setStale(true),
      );
    };
    window.addEventListener(DAY_CHANGED_EVENT, onChange);
    return () => {
      cancelled = true;
      window.removeEventListener(DAY_CHANGED_EVENT, onChange);
    };
  }, [loaded, src, day]);

  // React renders the host empty and leaves its children alone; a copy of the parsed nodes goes
  // in (a copy, so running this twice, as Strict Mode does, cannot leave it empty).
  useEffect(() => {
    if (body && host.current) host.current.replaceChildren(...document.importNode(body, true).childNodes);
  }, [body]);

  if (loaded) {
    return (
      <>
        {stale && (
          <p role="alert" className="small">
            This day changed, but its new version could not be loaded here. <a href={src}>Open it on its own page.</a>
          </p>
        )}
        <div data-day-body={day} ref={host} />
      </>
    );
  }
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
