import { recordTitle } from "@/app/_editing/record-pages";
import { catalogHistoryPage } from "@/app/_editing/routes";
import { source } from "@/lib/entities/source";

export const metadata = recordTitle(source.names, "History of");
export const dynamic = "force-dynamic";

export default catalogHistoryPage("source");
