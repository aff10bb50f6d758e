import { recordTitle } from "@/app/_editing/record-pages";
import { catalogNewPage } from "@/app/_editing/routes";
import { envoy } from "@/lib/entities/envoy";

export const metadata = recordTitle(envoy.names, "Add");
export const dynamic = "force-dynamic";

export default catalogNewPage("envoy");
