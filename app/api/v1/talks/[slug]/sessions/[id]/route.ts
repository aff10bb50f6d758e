import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSession } from "@/lib/data/api";

// GET /api/v1/talks/{slug}/sessions/{id}: one session.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.session, ({ params }) => readApiSession(params.slug!, params.id!));
