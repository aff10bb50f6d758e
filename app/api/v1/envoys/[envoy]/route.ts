import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiEnvoy } from "@/lib/data/api";

// GET /api/v1/envoys/{envoy}: one envoy.
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.envoy, ({ params }) => readApiEnvoy(params.envoy!));
