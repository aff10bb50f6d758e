import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiTalks } from "@/lib/data/api";

// GET /api/v1/talks: every talk, the latest first (docs/decisions/017-read-api.md).
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.talks, ({ url, query }) => readApiTalks(url, query));
