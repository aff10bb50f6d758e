// Times the talk page's data read alone (queries + grouping into days, no React), in its own
// process, so the server's page time can be split into "data" and "the rest" (render, HTML,
// streaming). run.ts starts it as
//   node --conditions=react-server --import tsx bench/timeline/data-layer.ts <slug> <runs>
// with DATABASE_URL set; react-server makes `import "server-only"` a no-op, as in Next's server.
// Prints one JSON line: {"page":[ms…],"cold":[ms…],"all":[ms…]} or {"error":"…"}.
import { clearTalkCache } from "../../lib/data/talk-cache";
import { getTalkPage, openTalkPrint } from "../../lib/data/talks";

// The read app/talks/[slug]/page.tsx makes (keep in step with it): as most requests find it, with
// the talk's index already in memory ("page"), and as the first request after a change does
// ("cold"); and the whole talk in full detail, which is what the print view reads ("all").
const READS = {
  page: (slug: string) => getTalkPage(slug, {}, null),
  cold: (slug: string) => (clearTalkCache(), getTalkPage(slug, {}, null)),
  all: async (slug: string) => {
    clearTalkCache();
    const print = await openTalkPrint(slug, {});
    if (print) for await (const _ of print.windows());
    return print;
  },
};

async function main() {
  const [slug, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg ?? 7);
  if (!slug || !Number.isInteger(runs) || runs < 1) throw new Error("usage: data-layer.ts <slug> <runs>");
  const result: Record<string, number[]> = {};
  for (const [name, read] of Object.entries(READS)) {
    // Warm-up: opens the database, loads the client, and lets V8 compile the hot paths, as a
    // server that has answered a few requests has. getTalk is wrapped in React's cache(), which
    // only caches inside a request: outside one, every call reads the talk and its stamp.
    for (let i = 0; i < 3; i++) {
      if (!(await read(slug))) throw new Error(`No talk ${slug} in ${process.env.DATABASE_URL}`);
    }
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await read(slug);
      ms.push(performance.now() - t);
    }
    result[name] = ms;
  }
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  },
);
