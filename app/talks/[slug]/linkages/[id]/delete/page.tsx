import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowDeletePage } from "@/app/_editing/routes";
import { linkage } from "@/lib/entities/linkage";

export const metadata = recordTitle(linkage.names, "Delete");
export const dynamic = "force-dynamic";

export default talkRowDeletePage("linkage");
