// The OpenAPI document is valid OpenAPI 3.1 (checked by @readme/openapi-parser, which validates
// against the specification's own schemas and more: duplicate operationIds, parameters, component
// names), lists every route under app/api/v1, and describes each endpoint's query with exactly the
// parameters its route parses.
import { readdirSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { endpoints } from "./endpoints";
import { EXAMPLE_SCHEMAS, EXAMPLES } from "./examples";
import { openApiDocument } from "./openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");

/** The addresses of the route files under app/api/v1, written as OpenAPI paths ([slug] → {slug}). */
function routePaths(dir = API_DIR, prefix = "/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix] : [];
    return routePaths(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(.+)\]$/, "{$1}")}`);
  });
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(openApiDocument().openapi).toBe("3.1.0");
  });

  it("lists every route of the read API, and nothing else", () => {
    expect(Object.keys(openApiDocument().paths).sort()).toEqual(routePaths().sort());
    expect(routePaths().length).toBe(Object.keys(endpoints).length + 1);
  });

  it("describes each endpoint's query with the parameters its zod schema parses", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, { get: { parameters: { name?: string; in?: string; $ref?: string; schema?: unknown }[] } }> };
    for (const endpoint of Object.values(endpoints)) {
      const parameters = doc.paths[endpoint.path]!.get.parameters;
      expect(parameters.filter((p) => p.in === "query").map((p) => p.name), endpoint.path).toEqual(Object.keys(endpoint.query.shape));
      expect(parameters.filter((p) => p.in === "path").map((p) => p.name), endpoint.path).toEqual([...endpoint.pathParams]);
    }
    const limit = doc.paths["/api/v1/talks/{slug}/statements"]!.get.parameters.find((p) => p.name === "limit");
    expect(limit?.schema).toEqual({ type: "integer", minimum: 1, maximum: 200 });
    const kind = doc.paths["/api/v1/talks/{slug}/statements"]!.get.parameters.find((p) => p.name === "kind");
    expect(kind?.schema).toMatchObject({ type: "string", enum: ["direct_quote", "paraphrase", "position", "demand", "denial", "assessment"] });
  });
});

describe("the documentation page's examples", () => {
  it("are each valid against their schema in the OpenAPI document", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "parley-openapi", components: openApiDocument().components }, "parley-openapi");
    for (const [name, example] of Object.entries(EXAMPLES)) {
      const validate = ajv.compile({ $ref: `parley-openapi#/components/schemas/${EXAMPLE_SCHEMAS[name as keyof typeof EXAMPLES]}` });
      expect(validate(example) ? [] : validate.errors, name).toEqual([]);
    }
  });
});
