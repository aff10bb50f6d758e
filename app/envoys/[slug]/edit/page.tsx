import { recordTitle } from "@/app/_editing/record-pages";
import { catalogEditPage } from "@/app/_editing/routes";
import { envoy } from "@/lib/entities/envoy";

export const metadata = recordTitle(envoy.names, "Edit");
export const dynamic = "force-dynamic";

export default catalogEditPage("envoy");
