import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { readApiSearch } from "@/lib/data/api";

// GET /api/v1/search?q=…: what the search page finds, as JSON (docs/decisions/015-search.md).
export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute(endpoints.search, ({ url, query }) => readApiSearch(url, query));
