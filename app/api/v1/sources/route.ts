import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSources } from "@/lib/data/api";

// GET /api/v1/sources: a page of sources.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.sources, ({ url, query }) => readApiSources(url, query));
