// The OpenAPI 3.1 document of the read API, generated from the endpoints' descriptions
// (lib/api/endpoints.ts) and the zod schemas the routes parse with and answer in
// (lib/api/schemas.ts), through zod's own JSON Schema output (draft 2020-12, which OpenAPI 3.1
// uses). Nothing in it is written by hand a second time. Pure; made once per process.
import { z } from "zod";
import { endpoints, type Endpoint } from "./endpoints";
import { ALLOWED_METHODS_TEXT, API_VERSION } from "./meta";
import { apiSchemas, DEFAULT_LIMIT, MAX_LIMIT, PATH_PARAMS } from "./schemas";

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A schema as a part of the document: no `$schema` or `$id` of its own. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _, $id: __, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, io: "output", unrepresentable: "any" }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema)]));
}

function queryParameters(endpoint: Endpoint) {
  return Object.entries(endpoint.query.shape).map(([name, field]) => {
    // What the parameter means once parsed (limit: an integer from 1 to MAX_LIMIT), as the route reads it.
    const { description, ...schema } = bare(z.toJSONSchema(field, { io: "output", unrepresentable: "any" }) as JsonSchema);
    return { name, in: "query", required: false, ...(typeof description === "string" ? { description } : {}), schema };
  });
}

function pathParameters(endpoint: Endpoint) {
  return endpoint.pathParams.map((name) => {
    const rule = PATH_PARAMS[name];
    return { name, in: "path", required: true, description: rule.description, schema: { type: "string", pattern: rule.pattern.source, maxLength: rule.max } };
  });
}

const errorResponse = (description: string) => ({ description, headers: { "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" } }, content: { "application/json": { schema: ref("Error") } } });

function operation(endpoint: Endpoint) {
  const responseId = apiSchemas.get(endpoint.response)?.id;
  if (!responseId) throw new Error(`The response of ${endpoint.operationId} is not a named schema.`);
  const named = endpoint.notFound !== undefined || endpoint.pathParams.length > 0;
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    parameters: [...pathParameters(endpoint), ...queryParameters(endpoint), { $ref: "#/components/parameters/IfNoneMatch" }],
    responses: {
      "200": {
        description: endpoint.paged ? "A page of results. The `Link` header repeats `next`." : "The record.",
        headers: {
          ETag: { $ref: "#/components/headers/ETag" },
          "Cache-Control": { $ref: "#/components/headers/CacheControl" },
          "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
          ...(endpoint.paged ? { Link: { $ref: "#/components/headers/Link" } } : {}),
        },
        content: { "application/json": { schema: ref(responseId) } },
      },
      "304": { description: "Not modified: the If-None-Match header named the current ETag.", headers: { ETag: { $ref: "#/components/headers/ETag" } } },
      "400": errorResponse("A query parameter is unknown, repeated or has a value the endpoint does not take; `parameter` names it."),
      "401": errorResponse("Reading needs a signed-in account on this server (PARLEY_PUBLIC_READ=false)."),
      ...(named ? { "404": errorResponse(endpoint.notFound ?? "No such record.") } : {}),
      "405": errorResponse(`A method other than ${ALLOWED_METHODS_TEXT}.`),
    },
  };
}

const DESCRIPTION = `Parley's records of diplomatic negotiations, read-only, as JSON.

Lists are paginated by cursor: each page has \`next\`, the address of the following page (null on the last), also sent as a \`Link: <…>; rel="next"\` header; \`limit\` sets the page size (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}). Every answer has an \`ETag\`; send it back in \`If-None-Match\` to get \`304 Not Modified\` while nothing changed. Errors are JSON: \`{"error": {"code", "message", "parameter"?}}\`.

Days are the venue's calendar days (YYYY-MM-DD), and times are never more precise than recorded: a statement's instant is given only when it is known to the minute, with the venue's clock reading and offset.`;

function buildDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Parley read API", version: API_VERSION, description: DESCRIPTION, license: { name: "Data as recorded by the site's editors" } },
    servers: [{ url: "/", description: "This Parley server" }],
    tags: [
      { name: "Talks", description: "Negotiation rounds." },
      { name: "Talk records", description: "A talk's days, sessions, statements and gap assessments." },
      { name: "Shared records", description: "Parties, envoys, issues and sources, shared between talks; and the series whose rounds talks are." },
      { name: "API", description: "This document." },
    ],
    paths: {
      ...Object.fromEntries(Object.values(endpoints).map((endpoint: Endpoint) => [endpoint.path, { get: operation(endpoint) }])),
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["API"],
          summary: "This OpenAPI document",
          description: "Open to everyone, whether or not reading needs an account.",
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      parameters: {
        IfNoneMatch: { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer: 304 while it is still current.", schema: { type: "string" } },
      },
      headers: {
        ETag: { description: "The version of the answer (weak): it changes whenever the data it shows may have.", schema: { type: "string" } },
        "CacheControl": { description: "`public, no-cache` (or `private, no-cache` when reading needs an account): keep it, but revalidate before each use.", schema: { type: "string" } },
        AccessControlAllowOrigin: { description: "`*`: any site may read the API from a browser (without credentials).", schema: { type: "string" } },
        Link: { description: 'The next page, as `<address>; rel="next"`, when there is one.', schema: { type: "string" } },
      },
    },
  };
}

let document: ReturnType<typeof buildDocument> | undefined;

/** The OpenAPI document (built on first use). */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  document ??= buildDocument();
  return document;
}
