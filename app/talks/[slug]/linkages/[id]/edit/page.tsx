import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowEditPage } from "@/app/_editing/routes";
import { linkage } from "@/lib/entities/linkage";

export const metadata = recordTitle(linkage.names, "Edit");
export const dynamic = "force-dynamic";

export default talkRowEditPage("linkage");
