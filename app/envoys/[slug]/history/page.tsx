import { recordTitle } from "@/app/_editing/record-pages";
import { catalogHistoryPage } from "@/app/_editing/routes";
import { envoy } from "@/lib/entities/envoy";

export const metadata = recordTitle(envoy.names, "History of");
export const dynamic = "force-dynamic";

export default catalogHistoryPage("envoy");
