// The talk page's schema.org JSON-LD (lib/structured-data.ts), read by a real JSON-LD processor
// (jsonld.js, in safe mode: a term it cannot map is an error, not silently dropped): the talk is an
// Event at its venue on its days; each statement the page shows is a Quotation with its
// spokesperson, its day or instant, and the sources it cites. On the Beijing talk and the
// 5,000-statement bench talk; and no statement's text can end the script element early.
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTalkDocument, LARGE_TALK } from "../../bench/timeline/generate";
import type { Db } from "../../lib/db";
import { jsonLdScript, statementsOf, talkJsonLd } from "../../lib/structured-data";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { createStatement, createTalk, loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const SITE = "https://parley.example.org";
const SCHEMA = "https://schema.org/";
let db: Db;
let data: typeof import("../../lib/data/talks");

beforeAll(async () => {
  const config = await migratedSqlite("structured-data");
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  await loadSeedTalk(db);
  await loadTalkDocument(db, TalkDocumentSchema.parse(generateTalkDocument(LARGE_TALK)), "test");
  data = await import("../../lib/data/talks");
});

afterAll(async () => {
  await db?.$disconnect();
});

async function jsonLdOf(slug: string) {
  const page = (await data.getTalkPage(slug, {}, null))!;
  const doc = talkJsonLd(page, statementsOf(page.window), page.sources, SITE);
  // Safe mode (jsonld.js 8; @types/jsonld predates it): a term that maps to nothing is an error.
  const expanded = (await jsonld.expand(JSON.parse(jsonLdScript(doc)) as jsonld.JsonLdDocument, { safe: true } as jsonld.Options.Expand)) as unknown as Node[];
  return { page, doc, expanded };
}

type Node = Record<string, { "@value"?: string; "@id"?: string }[] | string[] | string | undefined>;
const ofType = (nodes: Node[], type: string) => nodes.filter((n) => (n["@type"] as string[] | undefined)?.includes(`${SCHEMA}${type}`));
const value = (n: Node, term: string) => (n[`${SCHEMA}${term}`] as { "@value"?: string }[] | undefined)?.[0]?.["@value"];

describe("the talk page's JSON-LD", () => {
  it("is the Beijing talk as an Event, and the 9 statements it shows as Quotations with spokesperson and citations", async () => {
    const { expanded } = await jsonLdOf("japan-dprk-beijing-2006");
    const nodes = expanded;
    const [event] = ofType(nodes, "Event");
    expect(value(event!, "name")).toBe("Japan–DPRK normalization talks, Beijing, February 2006");
    expect(value(event!, "startDate")).toBe("2006-02-04");
    const quotes = ofType(nodes, "Quotation");
    expect(quotes).toHaveLength(9);
    const huge = quotes.find((q) => value(q, "text")?.includes("huge difference"))!;
    const speaker = (huge[`${SCHEMA}spokesperson`] as unknown as Node[])[0]!;
    expect(value(speaker, "name")).toBe("Song Il Ho");
    // Its day is not known: no date is made up for it.
    expect(huge[`${SCHEMA}dateCreated`]).toBeUndefined();
    expect(quotes.find((q) => value(q, "text")?.includes("not produced significant progress"))![`${SCHEMA}dateCreated`]).toEqual([{ "@value": "2006-02-07" }]);
    expect((huge[`${SCHEMA}citation`] as unknown[]).length).toBeGreaterThan(0);
    // And it turns into RDF, as any JSON-LD consumer would read it.
    const quads = (await jsonld.toRDF(JSON.parse(jsonLdScript(talkJsonLd((await data.getTalkPage("japan-dprk-beijing-2006", {}, null))!, [], [], SITE))) as jsonld.JsonLdDocument, { format: "application/n-quads" })) as unknown as string;
    expect(quads).toContain(`<${SITE}/talks/japan-dprk-beijing-2006#talk> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${SCHEMA}Event>`);
  });

  it("covers the window the page shows on the 5,000-statement bench talk, times to the minute as instants", async () => {
    const { page, expanded } = await jsonLdOf(LARGE_TALK.slug);
    const quotes = ofType(expanded, "Quotation");
    expect(quotes).toHaveLength(statementsOf(page.window).length);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value(q, "dateCreated") ?? ""))).toBe(true);
  });

  it("cannot be ended early by a statement's text", async () => {
    const talk = await createTalk(db);
    await createStatement(db, talk, { text: 'Said: </script><script>alert(1)</script> <!-- "' });
    const { doc } = await jsonLdOf(talk.slug);
    const script = jsonLdScript(doc);
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toContain("<!--");
    expect(JSON.parse(script)).toEqual(doc);
  });
});
