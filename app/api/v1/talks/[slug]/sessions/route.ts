import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSessions } from "@/lib/data/api";

// GET /api/v1/talks/{slug}/sessions: the talk's sessions in the timeline's order, filtered as on its page.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.sessions, ({ params, url, query }) => readApiSessions(params.slug!, url, query));
