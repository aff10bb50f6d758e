import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiParty } from "@/lib/data/api";

// GET /api/v1/parties/{party}: one party.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.party, ({ params }) => readApiParty(params.party!));
