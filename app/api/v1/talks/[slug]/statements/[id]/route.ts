import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiStatement } from "@/lib/data/api";

// GET /api/v1/talks/{slug}/statements/{id}: one statement.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.statement, ({ params }) => readApiStatement(params.slug!, params.id!));
