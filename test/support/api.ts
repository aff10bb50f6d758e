// Calls the read API's route handlers (app/api/v1/**/route.ts) directly, as Next.js would: the
// address is matched against the endpoints' paths (lib/api/endpoints.ts) and the route module's
// handler for the method is called with a real Request and the path's parameters. A path no
// endpoint has gets null. Also: ajv over the generated OpenAPI document, to check that an answer
// is what its endpoint declares.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { endpoints, type EndpointName } from "../../lib/api/endpoints";
import { openApiDocument } from "../../lib/api/openapi";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

const modules: Record<EndpointName | "openapi", () => Promise<RouteModule>> = {
  search: () => import("../../app/api/v1/search/route"),
  talks: () => import("../../app/api/v1/talks/route"),
  talk: () => import("../../app/api/v1/talks/[slug]/route"),
  days: () => import("../../app/api/v1/talks/[slug]/days/route"),
  sessions: () => import("../../app/api/v1/talks/[slug]/sessions/route"),
  session: () => import("../../app/api/v1/talks/[slug]/sessions/[id]/route"),
  statements: () => import("../../app/api/v1/talks/[slug]/statements/route"),
  statement: () => import("../../app/api/v1/talks/[slug]/statements/[id]/route"),
  assessments: () => import("../../app/api/v1/talks/[slug]/assessments/route"),
  parties: () => import("../../app/api/v1/parties/route"),
  party: () => import("../../app/api/v1/parties/[party]/route"),
  envoys: () => import("../../app/api/v1/envoys/route"),
  envoy: () => import("../../app/api/v1/envoys/[envoy]/route"),
  issues: () => import("../../app/api/v1/issues/route"),
  issue: () => import("../../app/api/v1/issues/[issue]/route"),
  sources: () => import("../../app/api/v1/sources/route"),
  source: () => import("../../app/api/v1/sources/[source]/route"),
  seriesList: () => import("../../app/api/v1/series/route"),
  series: () => import("../../app/api/v1/series/[series]/route"),
  openapi: () => import("../../app/api/v1/openapi.json/route"),
};

/** Which endpoint an address is, and its path parameters (decoded, as Next.js hands them over). */
export function routeOf(pathname: string): { name: EndpointName | "openapi"; params: Record<string, string> } | null {
  if (pathname === "/api/v1/openapi.json") return { name: "openapi", params: {} };
  const parts = pathname.split("/");
  for (const [name, endpoint] of Object.entries(endpoints)) {
    const template = endpoint.path.split("/");
    if (template.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < template.length && ok; i++) {
      const t = template[i]!;
      if (t.startsWith("{")) {
        try {
          params[t.slice(1, -1)] = decodeURIComponent(parts[i]!);
        } catch {
          ok = false;
        }
        if (parts[i] === "") ok = false;
      } else ok = t === parts[i];
    }
    if (ok) return { name: name as EndpointName, params };
  }
  return null;
}

/** The answer of the API route at `address` (a path and query), or null when no route has that path. */
export async function callApi(address: string, init: RequestInit = {}): Promise<Response | null> {
  const url = new URL(address, "http://parley.test");
  const route = routeOf(url.pathname);
  if (!route) return null;
  const routeModule = await modules[route.name]();
  const method = (init.method ?? "GET").toUpperCase() as keyof RouteModule;
  const handler = routeModule[method];
  if (!handler) throw new Error(`The route ${route.name} has no ${method} handler.`);
  return handler(new Request(url, init), { params: Promise.resolve(route.params) });
}

/** GET an address that must answer 200; its JSON. */
export async function getJson<T = unknown>(address: string): Promise<T> {
  const response = await callApi(address);
  if (!response) throw new Error(`No route for ${address}`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${address} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

let ajv: Ajv2020 | undefined;

/** The errors (none: an empty list) of a body against the schema the OpenAPI document declares for that status. */
export function schemaErrors(address: string, status: number, body: unknown): string[] {
  const url = new URL(address, "http://parley.test");
  const route = routeOf(url.pathname);
  if (!route) throw new Error(`No route for ${address}`);
  const doc = openApiDocument() as unknown as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> } }> };
  const path = route.name === "openapi" ? "/api/v1/openapi.json" : endpoints[route.name].path;
  const declared = doc.paths[path]!.get.responses[String(status)]?.content?.["application/json"]?.schema;
  if (!declared) return [`${path} declares no JSON body for ${status}`];
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "parley-openapi", components: (openApiDocument() as unknown as { components: unknown }).components }, "parley-openapi");
  }
  const validate = ajv.compile({ $ref: `parley-openapi${declared.$ref ?? "#"}` });
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
