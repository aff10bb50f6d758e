import { recordTitle } from "@/app/_editing/record-pages";
import { catalogEditPage } from "@/app/_editing/routes";
import { source } from "@/lib/entities/source";

export const metadata = recordTitle(source.names, "Edit");
export const dynamic = "force-dynamic";

export default catalogEditPage("source");
