import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowDeletePage } from "@/app/_editing/routes";
import { session } from "@/lib/entities/session";

export const metadata = recordTitle(session.names, "Delete");
export const dynamic = "force-dynamic";

export default talkRowDeletePage("session");
