import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiIssue } from "@/lib/data/api";

// GET /api/v1/issues/{issue}: one issue.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.issue, ({ params }) => readApiIssue(params.issue!));
