import { recordTitle } from "@/app/_editing/record-pages";
import { catalogDeletePage } from "@/app/_editing/routes";
import { source } from "@/lib/entities/source";

export const metadata = recordTitle(source.names, "Delete");
export const dynamic = "force-dynamic";

export default catalogDeletePage("source");
