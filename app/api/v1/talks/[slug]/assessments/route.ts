import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiAssessments } from "@/lib/data/api";

// GET /api/v1/talks/{slug}/assessments: the editors' judgements of the gap, by day and issue.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.assessments, ({ params, url, query }) => readApiAssessments(params.slug!, url, query));
