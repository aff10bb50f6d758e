import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSeriesList } from "@/lib/data/api";

// GET /api/v1/series: a page of series of talks.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.seriesList, ({ url, query }) => readApiSeriesList(url, query));
