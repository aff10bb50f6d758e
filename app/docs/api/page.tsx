import type { Metadata } from "next";
import { endpoints, type Endpoint } from "@/lib/api/endpoints";
import { EXAMPLES } from "@/lib/api/examples";
import { openApiDocument } from "@/lib/api/openapi";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/api/schemas";
import "./api-docs.css";

// /docs/api: the read API for people (docs/decisions/017-read-api.md). Drawn from the same
// endpoint list and OpenAPI document the routes and /api/v1/openapi.json use, so the parameters
// listed here are the ones the routes parse. Open to everyone, like the OpenAPI document: it
// describes the API and shows no data beyond the examples.
export const metadata: Metadata = { title: "Read API" };

type Parameter = { name: string; in: string; description?: string; schema?: { enum?: string[]; type?: string; minimum?: number; maximum?: number } };

function parametersOf(endpoint: Endpoint): Parameter[] {
  const doc = openApiDocument() as unknown as { paths: Record<string, { get: { parameters: (Parameter | { $ref: string })[] } }> };
  return doc.paths[endpoint.path]!.get.parameters.filter((p): p is Parameter => "name" in p);
}

const RESOURCES: { title: string; id: string; example: unknown; endpoints: Endpoint[] }[] = [
  { title: "Talks", id: "talks", example: EXAMPLES.talk, endpoints: [endpoints.talks, endpoints.talk] },
  { title: "Days", id: "days", example: EXAMPLES.day, endpoints: [endpoints.days] },
  { title: "Sessions", id: "sessions", example: EXAMPLES.session, endpoints: [endpoints.sessions, endpoints.session] },
  { title: "Statements", id: "statements", example: EXAMPLES.statement, endpoints: [endpoints.statements, endpoints.statement] },
  { title: "Gap assessments", id: "assessments", example: EXAMPLES.assessment, endpoints: [endpoints.assessments] },
  { title: "Parties", id: "parties", example: EXAMPLES.party, endpoints: [endpoints.parties, endpoints.party] },
  { title: "Envoys", id: "envoys", example: EXAMPLES.envoy, endpoints: [endpoints.envoys, endpoints.envoy] },
  { title: "Issues", id: "issues", example: EXAMPLES.issue, endpoints: [endpoints.issues, endpoints.issue] },
  { title: "Sources", id: "sources", example: EXAMPLES.source, endpoints: [endpoints.sources, endpoints.source] },
  { title: "Series", id: "series", example: EXAMPLES.series, endpoints: [endpoints.seriesList, endpoints.series] },
  { title: "Search", id: "search", example: EXAMPLES.search, endpoints: [endpoints.search] },
];

function Example({ label, value }: { label: string; value: unknown }) {
  return (
    // Focusable, so a keyboard can scroll a wide example.
    <pre className="api-docs__example" tabIndex={0} role="region" aria-label={label}>
      <code>{typeof value === "string" ? value : JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}

function EndpointEntry({ endpoint }: { endpoint: Endpoint }) {
  const parameters = parametersOf(endpoint);
  return (
    <li className="api-docs__endpoint">
      <h4>
        <code>GET {endpoint.path}</code>
      </h4>
      <p>{endpoint.description}</p>
      {parameters.length > 0 ? (
        <dl className="api-docs__params">
          {parameters.map((p) => (
            <div key={`${p.in} ${p.name}`}>
              <dt>
                <code>{p.name}</code> <span className="muted small">({p.in === "path" ? "in the path" : "query"})</span>
              </dt>
              <dd>
                {p.description}
                {p.schema?.enum ? (
                  <>
                    {" "}
                    One of: {p.schema.enum.map((v, i) => (
                      <span key={v}>
                        {i > 0 ? ", " : ""}
                        <code>{v}</code>
                      </span>
                    ))}
                    .
                  </>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="small">
        Example:{" "}
        {endpoint.example.includes("{") ? (
          <code>{endpoint.example}</code>
        ) : (
          <a href={endpoint.example}>
            <code>{endpoint.example}</code>
          </a>
        )}
      </p>
    </li>
  );
}

export default function ApiDocsPage() {
  return (
    <article className="api-docs">
      <h1>Read API</h1>
      <p className="api-docs__lead">
        Every talk Parley records can be read by other programs as JSON, at addresses under <code>/api/v1/</code>: the talks, their days,
        sessions, statements and gap assessments, and the parties, envoys, issues and sources they share. The API only reads; it answers{" "}
        <code>GET</code>, <code>HEAD</code> and <code>OPTIONS</code>. Its machine-readable description is the OpenAPI 3.1 document at{" "}
        <a href="/api/v1/openapi.json">
          <code>/api/v1/openapi.json</code>
        </a>
        .
      </p>

      <nav aria-label="On this page" className="api-docs__toc">
        <ul className="inline-list">
          <li>
            <a href="#pages">Pages</a>
          </li>
          <li>
            <a href="#filters">Filters and days</a>
          </li>
          <li>
            <a href="#times">Times</a>
          </li>
          <li>
            <a href="#caching">Caching</a>
          </li>
          <li>
            <a href="#access">Access</a>
          </li>
          <li>
            <a href="#errors">Errors</a>
          </li>
          <li>
            <a href="#resources">Resources</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="pages">
        <h2 id="pages">Pages</h2>
        <p>
          A list answers a page at a time: <code>{"{ \"data\": [...], \"next\": \"/api/v1/…?cursor=…\", \"limit\": 50 }"}</code>. Follow{" "}
          <code>next</code> (also sent as a <code>Link: &lt;…&gt;; rel=&quot;next&quot;</code> header) until it is <code>null</code>.{" "}
          <code>limit</code> sets the page size: {DEFAULT_LIMIT} unless given, at most {MAX_LIMIT}. The cursor is opaque; it marks where the
          last page ended, so a record added or deleted while you walk the pages neither repeats nor skips one that stayed where it was.
        </p>
      </section>

      <section aria-labelledby="filters">
        <h2 id="filters">Filters and days</h2>
        <p>
          A talk&apos;s days, sessions and statements take the talk page&apos;s filters, with the same names and meaning:{" "}
          <code>party</code>, <code>envoy</code> and <code>issue</code> by slug, <code>kind</code> of statement, session <code>outcome</code>
          . A slug that is not in the talk matches nothing, as on the page. <code>from</code> and <code>to</code> bound the venue days (
          <code>YYYY-MM-DD</code>); what has no known day is <code>unknown</code>, which comes after every day. Days are numbered as the talk
          numbers them: day 1 is its first day, and a date its venue&apos;s clocks skipped is not counted.
        </p>
      </section>

      <section aria-labelledby="times">
        <h2 id="times">Times</h2>
        <p>
          Days are the venue&apos;s calendar days. A statement&apos;s <code>said</code> gives the precision recorded and never more: the
          instant only when it is known to the minute, with the venue&apos;s clock reading and its offset from UTC then; a part of the day
          when that is what was reported; nothing beyond the day otherwise.
        </p>
        <Example label="Example: when a statement known to the minute was said" value={EXAMPLES.timedSaid} />
      </section>

      <section aria-labelledby="caching">
        <h2 id="caching">Caching</h2>
        <p>
          Every answer has an <code>ETag</code>. Send it back as <code>If-None-Match</code> and the API answers <code>304 Not Modified</code>{" "}
          while nothing it depends on has changed, without reading the records again. Answers are sent with{" "}
          <code>Cache-Control: public, no-cache</code>: keep them, but ask again before using them, since a talk being recorded changes by the
          minute. Any site may call the API from a browser (<code>Access-Control-Allow-Origin: *</code>); no cookies are sent along.
        </p>
      </section>

      <section aria-labelledby="access">
        <h2 id="access">Access</h2>
        <p>
          When this server lets anyone read (the default), so does the API. When reading needs an account (
          <code>PARLEY_PUBLIC_READ=false</code>), the API answers <code>401</code> unless the request carries a signed-in session, which
          only a browser signed in to this site sends, from its own pages. This page and the OpenAPI document are open either way.
        </p>
      </section>

      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p>
          A refusal is JSON with a code that does not change and one sentence: <code>400</code> for a query parameter that is unknown,
          repeated or wrong (<code>parameter</code> names it), <code>401</code> when reading needs an account, <code>404</code> for a record
          that does not exist or was deleted, <code>405</code> for any method but <code>GET</code>, <code>HEAD</code> and{" "}
          <code>OPTIONS</code>.
        </p>
        <Example
          label="Example: an error"
          value={{ error: { code: "bad_parameter", message: `limit may be at most ${MAX_LIMIT}.`, parameter: "limit" } }}
        />
      </section>

      <section aria-labelledby="resources">
        <h2 id="resources">Resources</h2>
        {RESOURCES.map((r) => (
          <section key={r.id} aria-labelledby={`resource-${r.id}`} className="api-docs__resource">
            <h3 id={`resource-${r.id}`}>{r.title}</h3>
            <ul className="api-docs__endpoints">
              {r.endpoints.map((e) => (
                <EndpointEntry key={e.operationId} endpoint={e} />
              ))}
            </ul>
            <Example label={`Example: one item of ${r.title.toLowerCase()}`} value={r.example} />
          </section>
        ))}
      </section>
    </article>
  );
}
