import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiParties } from "@/lib/data/api";

// GET /api/v1/parties: a page of parties.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.parties, ({ url, query }) => readApiParties(url, query));
