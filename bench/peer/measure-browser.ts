// One Chromium page load of a talk page (Parley's or the static list), measured from inside the
// page by an init script that Playwright adds to every document of the context, so it also runs
// on a new document after a jump navigates. The in-page code is a string: tsx/esbuild may wrap
// functions with helpers (__name) that do not exist inside the page.
//
// "list" loads: first contentful paint, the first day shown, hydrated, usable (both in the same
// frame), DOMContentLoaded, load, DOM elements, long tasks; then, once usable and loaded, a jump
// to the last day by clicking the page's own link to it.
// "print" loads: DOMContentLoaded and the first frame in which the last day's section is rendered.
import vm from "node:vm";
import type { Browser } from "playwright";
import { freshPage } from "../timeline/measure-browser";

export type JumpSample = {
  /** "link": a link to #day-<last day> was clicked; "hash": location.hash set (the static list has no navigator); "not found": no such link. */
  mode: "link" | "hash" | "not found";
  href: string | null;
  /** The link was inside a <nav> / role="navigation". */
  inNav: boolean;
  /** The day was shown on a new document (the link navigated to another URL). */
  newDocument: boolean;
  /** Click → the first frame with the last day's heading in the viewport. */
  clickToShownMs: number | null;
  error: string | null;
};

export type LoadSample = {
  fcpMs: number | null;
  responseStartMs: number | null;
  responseEndMs: number | null;
  domContentLoadedMs: number | null;
  loadMs: number | null;
  /** navigation start → first frame with the first day's heading in the viewport (hydrated or not). */
  firstDayShownMs: number | null;
  /** navigation start → first frame with the first day's heading laid out anywhere on the page (in the viewport or not). */
  firstDayRenderedMs: number | null;
  /** The first day's heading's top, in px from the top of the page, when last seen (the viewport is 800 px high). */
  firstDayTopPx: number | null;
  /** navigation start → first frame with the first day's heading laid out (anywhere) and the page hydrated: usable, were scrolling allowed. */
  renderedAndHydratedMs: number | null;
  /** navigation start → first frame in which the hydration signal was seen. */
  hydratedMs: number | null;
  /** navigation start → first frame with the first day's heading in the viewport AND the page hydrated. */
  usableMs: number | null;
  /** Which signal said "hydrated": data-hydrated, the fiber on the heading or on #main, or "static" (no hydration). */
  hydrationSignal: string | null;
  /** Print view: navigation start → first frame in which the last day's section exists and is rendered. */
  lastDayRenderedMs: number | null;
  domElements: number | null;
  /** Main-thread tasks over 50 ms, up to the moment the timings were taken (after usable / print complete and load). */
  longTasks: { startMs: number; durationMs: number }[];
  jump: JumpSample | null;
  /** Why the load did not complete (a timeout, a missing day), or null. */
  error: string | null;
};

export type LoadOptions = {
  kind: "list" | "print";
  /** The day the jump and the print view look for (the last day with statements). */
  lastDay: string;
  /** React pages: wait for hydration before "usable"; the static list has none. */
  hydration: boolean;
  /** After usable: click a link to #day-<lastDay> ("link"), set location.hash ("hash"), or nothing. */
  jump: "link" | "hash" | "none";
  /** Time allowed from navigation start to usable (list) or the last day rendered (print). */
  timeoutMs: number;
  /** Time allowed from the click to the day shown. */
  jumpTimeoutMs: number;
  /** List: when usable has not come within timeoutMs, how much longer to wait for `load` to measure the jump all the same. */
  loadWaitMs: number;
};

const LOAD_KEY = "__peerBenchLoad";
const JUMP_KEY = "__peerBenchJump";

/** How long after usable the page may take to show the link to the last day. */
const LINK_WAIT_MS = 2_000;
/** How long a loaded, hydrated page whose first day is rendered below the fold is watched for it to move into view. */
const OUTSIDE_WAIT_MS = 2_000;

const pageScript = (o: LoadOptions) => `(() => {
  if (window.top !== window) return;
  const C = ${JSON.stringify({ ...o, linkWaitMs: LINK_WAIT_MS, outsideWaitMs: OUTSIDE_WAIT_MS })};
  const LOAD_KEY = ${JSON.stringify(LOAD_KEY)}, JUMP_KEY = ${JSON.stringify(JUMP_KEY)};
  const DAY_ID = /^day-(\\d{4}-\\d{2}-\\d{2}|unknown)$/;
  const abs = () => performance.timeOrigin + performance.now();
  const read = (k) => { try { return JSON.parse(sessionStorage.getItem(k) || "null"); } catch (e) { return null; } };
  const write = (k, v) => { try { sessionStorage.setItem(k, JSON.stringify(v)); } catch (e) {} };
  const heading = (el) => !el ? null : /^H[1-6]$/.test(el.tagName) ? el : (el.querySelector("h2, h3") || el.querySelector('h1, h4, h5, h6, [role="heading"]'));
  const inViewport = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; };
  const hasFiber = (el) => !!el && Object.keys(el).some((k) => k.startsWith("__reactFiber$"));

  // The jump: poll each frame, on whichever document, for the day's heading in the viewport.
  const watchJump = (j) => {
    const id = "day-" + j.day;
    const check = () => {
      const h = heading(document.getElementById(id));
      if (h && inViewport(h)) {
        j.shownAbs = abs();
        j.newDocument = performance.timeOrigin !== j.docOrigin;
        return write(JUMP_KEY, j);
      }
      if (abs() - j.clickAbs > C.jumpTimeoutMs) {
        j.error = "the heading of #" + id + " was not in the viewport " + C.jumpTimeoutMs + " ms after the click";
        return write(JUMP_KEY, j);
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const pending = read(JUMP_KEY);
  if (pending) {
    // A document the jump navigated to: only look for the day here.
    if (pending.shownAbs == null && !pending.error) watchJump(pending);
    return;
  }

  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (longTasks.length < 1000) longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const S = { shown: null, rendered: null, headingTop: null, hydrated: null, renderedHydrated: null, usable: null, signal: null, lastDay: null, error: null };
  let loaded = document.readyState === "complete";
  addEventListener("load", () => (loaded = true), { once: true });

  // The timings of this document, kept in sessionStorage so they survive a jump that navigates.
  const save = async (jumpExpected) => {
    const started = performance.now();
    while (!performance.getEntriesByName("first-contentful-paint").length && performance.now() - started < 1000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    write(LOAD_KEY, {
      ...S,
      fcp: fcp ? fcp.startTime : null,
      responseStart: nav ? nav.responseStart : null,
      responseEnd: nav ? nav.responseEnd : null,
      dcl: nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : null,
      load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
      elements: document.getElementsByTagName("*").length,
      longTasks: longTasks.slice(),
      jumpExpected,
    });
  };
  const fail = (message) => { S.error = message; save(false); };
  // Once the measure is taken and load has fired: the next task, with the main thread free.
  const afterLoad = (then) => {
    const go = () => setTimeout(then, 0);
    if (loaded) go(); else addEventListener("load", go, { once: true });
  };

  const jump = async () => {
    if (C.jump === "none") return save(false);
    if (C.jump === "hash") {
      await save(true);
      const j = { day: C.lastDay, mode: "hash", href: "#day-" + C.lastDay, inNav: false, clickAbs: abs(), docOrigin: performance.timeOrigin, shownAbs: null, newDocument: false, error: null };
      write(JUMP_KEY, j);
      location.hash = "#day-" + C.lastDay;
      return watchJump(j);
    }
    const suffix = "#day-" + C.lastDay;
    const since = performance.now();
    const find = () => {
      const links = Array.from(document.querySelectorAll('a[href$="' + suffix + '"]'));
      const inNav = links.filter((a) => a.closest('nav, [role="navigation"]'));
      const pool = inNav.length ? inNav : links;
      return { link: pool.find((a) => a.getClientRects().length > 0) || pool[0] || null, inNav: inNav.length > 0 };
    };
    // A streamed page may show its navigator a little after the first day: wait for a shown link.
    let found = find();
    while ((!found.link || found.link.getClientRects().length === 0) && performance.now() - since < C.linkWaitMs) {
      await new Promise((r) => requestAnimationFrame(r));
      found = find();
    }
    if (!found.link) {
      await save(true);
      return write(JUMP_KEY, { day: C.lastDay, mode: "not found", href: null, inNav: false, clickAbs: null, shownAbs: null, newDocument: false, error: "no link whose href ends with " + suffix });
    }
    await save(true);
    const j = { day: C.lastDay, mode: "link", href: found.link.getAttribute("href"), inNav: found.inNav, clickAbs: abs(), docOrigin: performance.timeOrigin, shownAbs: null, newDocument: false, error: null };
    write(JUMP_KEY, j);
    found.link.click();
    watchJump(j);
  };

  if (C.kind === "print") {
    const id = "day-" + C.lastDay;
    const poll = () => {
      const now = performance.now();
      const el = document.getElementById(id);
      if (el && el.getClientRects().length > 0) {
        S.lastDay = now;
        return afterLoad(() => save(false));
      }
      if (now > C.timeoutMs) return fail(el ? "the section #" + id + " was on the page but not rendered " + C.timeoutMs + " ms after navigation start" : "no #" + id + " " + C.timeoutMs + " ms after navigation start");
      requestAnimationFrame(poll);
    };
    return requestAnimationFrame(poll);
  }

  // The first day section: the first [id^="day-"] in document order whose id is a day.
  let section = null;
  const firstSection = () => {
    if (section && section.isConnected) return section;
    section = null;
    const first = document.querySelector('[id^="day-"]');
    if (!first) return null;
    if (DAY_ID.test(first.id)) return (section = first);
    for (const el of document.querySelectorAll('[id^="day-"]')) if (DAY_ID.test(el.id)) return (section = el);
    return null;
  };
  // Hydrated: <html data-hydrated="true"> when the page sets it; else React's fiber on the heading;
  // else, for a heading React does not own (rendered, outside #main), React's fiber on #main.
  const hydration = (h, rendered) => {
    if (!C.hydration) return "static";
    const flag = document.documentElement.dataset.hydrated;
    if (flag !== undefined) return flag === "true" ? "data-hydrated" : null;
    if (hasFiber(h)) return "React fiber on the heading";
    const main = document.getElementById("main");
    if (rendered && main && !main.contains(h) && hasFiber(main)) return "React fiber on #main";
    return null;
  };
  let outsideSince = null;
  const poll = () => {
    const now = performance.now();
    const h = heading(firstSection());
    if (h) {
      const r = h.getBoundingClientRect();
      const rendered = r.height > 0 && r.width > 0;
      const visible = rendered && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      const signal = hydration(h, rendered);
      if (rendered && S.rendered === null) S.rendered = now;
      if (rendered) S.headingTop = Math.round(r.top + scrollY);
      if (visible && S.shown === null) S.shown = now;
      if (signal && S.hydrated === null) { S.hydrated = now; S.signal = signal; }
      if (rendered && signal && S.renderedHydrated === null) { S.renderedHydrated = now; S.signal = signal; }
      if (visible && signal) {
        S.usable = now;
        S.signal = signal;
        return afterLoad(jump);
      }
      // Rendered, hydrated and loaded, but outside the viewport (below the fold): a reader would
      // have to scroll. Give layout shifts a moment, then record the failure and go on to the jump.
      if (rendered && signal && loaded) {
        if (outsideSince === null) outsideSince = now;
        else if (now - outsideSince > C.outsideWaitMs) {
          S.error = "the first day's heading is outside the viewport (its top at " + S.headingTop + " px, the viewport " + innerHeight + " px high)";
          return afterLoad(jump);
        }
      }
    }
    if (now > C.timeoutMs) {
      S.error = !h ? "no day section (id=\\"day-YYYY-MM-DD\\") with a heading " + C.timeoutMs + " ms after navigation start"
        : S.rendered === null ? "the first day's heading was not rendered " + C.timeoutMs + " ms after navigation start"
        : S.hydrated === null ? "the page was not hydrated " + C.timeoutMs + " ms after navigation start"
        : "the first day's heading was not in the viewport " + C.timeoutMs + " ms after navigation start";
      // Measure the jump all the same, once the page has loaded (if it does within loadWaitMs more).
      if (loaded) return afterLoad(jump);
      const gaveUp = setTimeout(() => save(false), C.loadWaitMs);
      return addEventListener("load", () => { clearTimeout(gaveUp); setTimeout(jump, 0); }, { once: true });
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})()`;

type SavedLoad = {
  shown: number | null;
  rendered: number | null;
  headingTop: number | null;
  renderedHydrated: number | null;
  hydrated: number | null;
  usable: number | null;
  signal: string | null;
  lastDay: number | null;
  error: string | null;
  fcp: number | null;
  responseStart: number | null;
  responseEnd: number | null;
  dcl: number | null;
  load: number | null;
  elements: number;
  longTasks: [number, number][];
  jumpExpected: boolean;
};

type SavedJump = {
  mode: JumpSample["mode"];
  href: string | null;
  inNav: boolean;
  clickAbs: number | null;
  shownAbs: number | null;
  newDocument: boolean;
  error: string | null;
};

const READ_STATE = `(() => {
  const read = (k) => { try { return JSON.parse(sessionStorage.getItem(k) || "null"); } catch (e) { return null; } };
  return { load: read(${JSON.stringify(LOAD_KEY)}), jump: read(${JSON.stringify(JUMP_KEY)}) };
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One cold load of `url` in a fresh context. Never throws for a slow or broken page: the sample
 * then carries `error` and whatever was measured before it.
 */
export async function measureLoad(browser: Browser, url: string, o: LoadOptions): Promise<LoadSample> {
  const empty: LoadSample = {
    fcpMs: null,
    responseStartMs: null,
    responseEndMs: null,
    domContentLoadedMs: null,
    loadMs: null,
    firstDayShownMs: null,
    firstDayRenderedMs: null,
    firstDayTopPx: null,
    renderedAndHydratedMs: null,
    hydratedMs: null,
    usableMs: null,
    hydrationSignal: null,
    lastDayRenderedMs: null,
    domElements: null,
    longTasks: [],
    jump: null,
    error: null,
  };
  const budget = o.timeoutMs + o.loadWaitMs + o.jumpTimeoutMs + LINK_WAIT_MS + OUTSIDE_WAIT_MS + 20_000;
  const deadline = Date.now() + budget;
  let context: Awaited<ReturnType<typeof freshPage>>["context"] | null = null;
  try {
    const fresh = await freshPage(browser, budget);
    context = fresh.context;
    const { page } = fresh;
    const script = pageScript(o);
    // A syntax error in the in-page code would only show as "nothing measured": check it here.
    new vm.Script(script, { filename: "peer-bench-page-script.js" });
    await page.addInitScript(script);
    const response = await page.goto(url, { waitUntil: "commit", timeout: o.timeoutMs });
    if (!response || response.status() !== 200) return { ...empty, error: `GET ${url} answered ${response?.status() ?? "nothing"} in Chromium` };
    // Poll from here: page.evaluate waits for a busy main thread and fails while a jump navigates,
    // so each read is retried; the times themselves are taken in the page.
    let state: { load: SavedLoad | null; jump: SavedJump | null } = { load: null, jump: null };
    while (Date.now() < deadline) {
      state = (await page.evaluate(READ_STATE).catch(() => state)) as typeof state;
      const l = state.load;
      if (l && (!l.jumpExpected || (state.jump && (state.jump.mode === "not found" || state.jump.shownAbs !== null || state.jump.error)))) break;
      await sleep(200);
    }
    const l = state.load;
    if (!l) return { ...empty, error: `nothing measured within ${Math.round(budget / 1000)} s (the page never reached usable / the last day, nor its own time limit)` };
    const j = state.jump;
    const jump: JumpSample | null = !l.jumpExpected
      ? null
      : !j
        ? { mode: "not found", href: null, inNav: false, newDocument: false, clickToShownMs: null, error: "the jump was not recorded" }
        : {
            mode: j.mode,
            href: j.href,
            inNav: j.inNav,
            newDocument: j.newDocument,
            clickToShownMs: j.shownAbs !== null && j.clickAbs !== null ? j.shownAbs - j.clickAbs : null,
            error: j.error ?? (j.shownAbs === null && j.mode !== "not found" ? `the day was not shown within ${Math.round(budget / 1000)} s` : null),
          };
    return {
      fcpMs: l.fcp,
      responseStartMs: l.responseStart,
      responseEndMs: l.responseEnd,
      domContentLoadedMs: l.dcl,
      loadMs: l.load,
      firstDayShownMs: l.shown,
      firstDayRenderedMs: l.rendered,
      firstDayTopPx: l.headingTop,
      renderedAndHydratedMs: l.renderedHydrated,
      hydratedMs: l.hydrated,
      usableMs: l.usable,
      hydrationSignal: l.signal,
      lastDayRenderedMs: l.lastDay,
      domElements: l.elements,
      longTasks: l.longTasks.map(([startMs, durationMs]) => ({ startMs, durationMs })),
      jump,
      error: l.error,
    };
  } catch (error) {
    return { ...empty, error: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  } finally {
    await context?.close().catch(() => undefined);
  }
}
