import { openApiDocument } from "@/lib/api/openapi";
import { documentRoute } from "@/lib/api/route";

// GET /api/v1/openapi.json: the read API's OpenAPI 3.1 document, generated from the zod schemas
// the routes use (lib/api/openapi.ts). Open to everyone: it describes the API and holds no data.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = documentRoute(openApiDocument);
