import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiIssues } from "@/lib/data/api";

// GET /api/v1/issues: a page of issues.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.issues, ({ url, query }) => readApiIssues(url, query));
