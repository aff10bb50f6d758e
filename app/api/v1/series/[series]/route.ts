import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSeries } from "@/lib/data/api";

// GET /api/v1/series/{series}: one series of talks, with its rounds in order.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.series, ({ params }) => readApiSeries(params.series!));
