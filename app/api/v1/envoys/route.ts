import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiEnvoys } from "@/lib/data/api";

// GET /api/v1/envoys: a page of envoys.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.envoys, ({ url, query }) => readApiEnvoys(url, query));
