import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSource } from "@/lib/data/api";

// GET /api/v1/sources/{source}: one source.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.source, ({ params }) => readApiSource(params.source!));
