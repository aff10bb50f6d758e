import { recordTitle } from "@/app/_editing/record-pages";
import { catalogNewPage } from "@/app/_editing/routes";
import { source } from "@/lib/entities/source";

export const metadata = recordTitle(source.names, "Add");
export const dynamic = "force-dynamic";

export default catalogNewPage("source");
