import { recordTitle } from "@/app/_editing/record-pages";
import { catalogDeletePage } from "@/app/_editing/routes";
import { envoy } from "@/lib/entities/envoy";

export const metadata = recordTitle(envoy.names, "Delete");
export const dynamic = "force-dynamic";

export default catalogDeletePage("envoy");
