import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiTalk } from "@/lib/data/api";

// GET /api/v1/talks/{slug}: one talk, who takes part and its agenda.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.talk, ({ params }) => readApiTalk(params.slug!));
