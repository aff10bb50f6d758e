import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiStatements } from "@/lib/data/api";

// GET /api/v1/talks/{slug}/statements: the talk's statements in the timeline's order, filtered as on its page.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.statements, ({ params, url, query }) => readApiStatements(params.slug!, url, query));
