// What a reader's browser sees: Debian's Chromium, a fresh context per run (empty cache, cache
// disabled), no throttling. The in-page code is passed as strings: tsx/esbuild may wrap
// functions with helpers (__name) that do not exist inside the page.
import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const VIEWPORT = { width: 1280, height: 800 };

/** `brotliBytes`: the body at brotli's level 11, what a CDN or proxy serving precompressed files would send (Next's own server sends gzip). */
export type ScriptLoad = { url: string; rawBytes: number; compressedBytes: number; brotliBytes: number; encoding: string };

export type BrowserSample = {
  /** navigationStart → first contentful paint. */
  fcpMs: number | null;
  /** navigationStart → first byte of the HTML, as Chromium saw it. */
  responseStartMs: number;
  /** navigationStart → last byte of the HTML. */
  responseEndMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** navigationStart → the late day's heading in the viewport, after a click made once `load` had fired. */
  usableMs: number;
  /** navigationStart → the click (or hash change): after `load`, once the link is shown and the main thread free. */
  clickMs: number;
  /** "navigator": a link to #day-… was clicked; "hash": the page has none, location.hash was set. */
  navMode: "navigator" | "hash";
  targetDay: string;
  domElements: number;
  /** Main-thread tasks over 50 ms up to the day being shown, ms since navigation start. */
  longTasks: { startMs: number; durationMs: number }[];
  scripts: ScriptLoad[];
};

export function launchBrowser(): Promise<Browser> {
  // The bench closes the browser itself on Ctrl-C, after stopping the server; Playwright's own
  // signal handlers would exit the process before that cleanup ran.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--disable-gpu", "--disable-quic"],
    timeout: 30_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

// Runs in the page from its first byte. When `load` has fired (in the next task, i.e. once the
// main thread is free after it), it picks the latest day the page's day navigator links to
// (links inside a navigation landmark first), clicks that link, and resolves with the moment
// (ms since navigation start) of the first frame in which that day's heading is in the viewport.
// With no links to #day-… it sets location.hash to the latest day section (id="day-YYYY-MM-DD").
// The click is made in the page rather than sent from Playwright: round trips to a busy page
// measured 0.3–0.5 s on this machine, which would be the harness's time, not the page's.
// A link that opens another page (a long talk's later days: "?from=…#day-…") is followed: the
// click, the target and the first page's timings go into sessionStorage, and the script, run
// again in the new document, resolves once the day's heading is in its viewport, in ms since the
// first page's navigation start (absolute times through performance.timeOrigin).
/** How long after `load` the page may take to show its navigator (content revealed late by streaming). */
const SHOWN_WAIT_MS = 10_000;

const jumpScript = (timeoutMs: number) => `(() => {
  if (window.top !== window) return;
  const DAY = /#day-(\\d{4}-\\d{2}-\\d{2})$/;
  const findTarget = () => {
    const links = Array.from(document.querySelectorAll('a[href*="#day-"]')).filter((a) => DAY.test(a.getAttribute("href") || ""));
    const inNav = links.filter((a) => a.closest('nav, [role="navigation"]'));
    const pool = inNav.length ? inNav : links;
    let link = null, day = "";
    for (const a of pool) {
      const d = DAY.exec(a.getAttribute("href"))[1];
      if (d > day) { link = a; day = d; }
    }
    if (link) return { mode: "navigator", day, link };
    const days = Array.from(document.querySelectorAll('[id^="day-"]')).map((e) => e.id.slice(4)).filter((d) => /^\\d{4}-\\d{2}-\\d{2}$/.test(d)).sort();
    return days.length ? { mode: "hash", day: days[days.length - 1], link: null } : null;
  };
  const heading = (id) => {
    const el = document.getElementById(id);
    return el && (/^H[1-6]$/.test(el.tagName) ? el : el.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]'));
  };
  const inViewport = (r) => r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  // Long tasks (over 50 ms) keep the page from answering input: hydration, big layouts, parsing.
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const watchUntilShown = (id, clickAt, resolve, reject, done) => {
    const check = () => {
      const h = heading(id);
      if (h && inViewport(h.getBoundingClientRect())) return resolve(done(performance.now()));
      if (performance.now() - clickAt > ${timeoutMs}) return reject(new Error("the heading of #" + id + " was not in the viewport ${timeoutMs} ms after the click"));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const PENDING = "parley-bench-jump";
  const pending = sessionStorage.getItem(PENDING);
  if (pending) {
    // The second document of a jump that navigated: finish measuring it here.
    sessionStorage.removeItem(PENDING);
    const p = JSON.parse(pending);
    window.__benchJump = new Promise((resolve, reject) => {
      const clickAt = p.clickAbs - performance.timeOrigin;
      watchUntilShown("day-" + p.day, clickAt, resolve, reject, (now) => ({
        mode: p.mode, day: p.day, navigated: true,
        clickAt: p.clickAbs - p.originAbs, visibleAt: performance.timeOrigin + now - p.originAbs, first: p.first,
      }));
    });
    return;
  }
  window.__benchJump = new Promise((resolve, reject) => {
    addEventListener("load", () => setTimeout(() => {
      const loadedAt = performance.now();
      // A streamed page may still hold its content in hidden parts at load: like a reader, wait
      // until the link (or, without a navigator, the day) is on the page before clicking.
      const clickWhenShown = () => {
        const target = findTarget();
        const shown = target && (target.link ? target.link : heading("day-" + target.day))?.getClientRects().length > 0;
        if (!shown) {
          if (performance.now() - loadedAt > ${SHOWN_WAIT_MS}) {
            return reject(new Error(target ? "the link to " + target.day + " was not shown ${SHOWN_WAIT_MS} ms after load" : 'the page has neither links to #day-… nor day sections (id="day-YYYY-MM-DD") ${SHOWN_WAIT_MS} ms after load'));
          }
          return requestAnimationFrame(clickWhenShown);
        }
        const id = "day-" + target.day;
        const clickAt = performance.now();
        const href = target.link ? target.link.getAttribute("href") || "" : "";
        if (target.link && !href.startsWith("#")) {
          // Another page: what this one measured travels with the jump.
          const nav = performance.getEntriesByType("navigation")[0];
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          const first = {
            fcp: fcp ? fcp.startTime : null, responseStart: nav.responseStart, responseEnd: nav.responseEnd,
            dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
            elements: document.getElementsByTagName("*").length, longTasks: window.__benchLongTasks || [],
          };
          sessionStorage.setItem(PENDING, JSON.stringify({ mode: target.mode, day: target.day, clickAbs: performance.timeOrigin + clickAt, originAbs: performance.timeOrigin, first }));
          target.link.click();
          return;
        }
        if (target.link) target.link.click();
        else location.hash = "#" + id;
        watchUntilShown(id, clickAt, resolve, reject, (now) => ({ mode: target.mode, day: target.day, clickAt, visibleAt: now }));
      };
      clickWhenShown();
    }, 0), { once: true });
  });
})()`;

const READ_TIMINGS = `new Promise((resolve) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const done = (fcp) => resolve({
    fcp,
    responseStart: nav.responseStart,
    responseEnd: nav.responseEnd,
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    elements: document.getElementsByTagName("*").length,
    longTasks: window.__benchLongTasks || [],
  });
  const entry = performance.getEntriesByName("first-contentful-paint")[0];
  if (entry) return done(entry.startTime);
  try {
    new PerformanceObserver((list) => {
      const e = list.getEntriesByName("first-contentful-paint")[0];
      if (e) done(e.startTime);
    }).observe({ type: "paint", buffered: true });
  } catch (e) {}
  setTimeout(() => done(null), 3000);
})`;

async function scriptLoad(response: Response): Promise<ScriptLoad | null> {
  try {
    const [body, sizes, headers] = await Promise.all([response.body(), response.request().sizes(), response.allHeaders()]);
    const encoding = headers["content-encoding"] ?? "identity";
    // responseBodySize is the body as it came over the wire (encoded when compressed).
    const compressedBytes = encoding === "identity" ? zlib.gzipSync(body).length : sizes.responseBodySize;
    const brotliBytes = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { url: response.url(), rawBytes: body.length, compressedBytes, brotliBytes, encoding };
  } catch {
    return null;
  }
}

/** A page in a fresh context (empty cache, cache disabled over CDP), viewport 1280×800. Close the context when done. */
export async function freshPage(browser: Browser, timeoutMs: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    return { context, page };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** One cold page load of `url` in a fresh context, then a jump to the latest day. */
export async function measureInBrowser(browser: Browser, url: string, timeoutMs = 30_000): Promise<BrowserSample> {
  const { context, page } = await freshPage(browser, timeoutMs);
  try {
    const pending: Promise<ScriptLoad | null>[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") pending.push(scriptLoad(r));
    });

    await page.addInitScript(jumpScript(timeoutMs));
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    if (!response || response.status() !== 200) throw new Error(`GET ${url} answered ${response?.status() ?? "nothing"} in Chromium`);

    type Timings = { fcp: number | null; responseStart: number; responseEnd: number; dcl: number; load: number; elements: number; longTasks: [number, number][] };
    type Jump = { mode: "navigator" | "hash"; day: string; clickAt: number; visibleAt: number; navigated?: boolean; first?: Timings };
    // A jump that opens another page destroys this one's context mid-evaluate: read it on the new page.
    const jump = (await page.evaluate("window.__benchJump").catch(async (error: unknown) => {
      if (!/context was destroyed|navigation/i.test(String(error))) throw error;
      await page.waitForLoadState("domcontentloaded");
      return page.evaluate("window.__benchJump");
    })) as Jump;
    const t = jump.first ?? (await page.evaluate<Timings>(READ_TIMINGS));

    // Chunks the page fetches after load (lazy components) count too: wait briefly for quiet.
    await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
    const scripts = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
    return {
      fcpMs: t.fcp,
      responseStartMs: t.responseStart,
      responseEndMs: t.responseEnd,
      domContentLoadedMs: t.dcl,
      loadMs: t.load,
      usableMs: jump.visibleAt,
      clickMs: jump.clickAt,
      navMode: jump.mode,
      targetDay: jump.day,
      domElements: t.elements,
      longTasks: t.longTasks.map(([startMs, durationMs]) => ({ startMs, durationMs })),
      scripts,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
