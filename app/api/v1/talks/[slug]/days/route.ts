import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiDays } from "@/lib/data/api";

// GET /api/v1/talks/{slug}/days: the talk's recorded days, numbered as the talk numbers them, with counts.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.days, ({ params, url, query }) => readApiDays(params.slug!, url, query));
