import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowHistoryPage } from "@/app/_editing/routes";
import { linkage } from "@/lib/entities/linkage";

export const metadata = recordTitle(linkage.names, "History of");
export const dynamic = "force-dynamic";

export default talkRowHistoryPage("linkage");
