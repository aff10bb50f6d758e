import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowHistoryPage } from "@/app/_editing/routes";
import { session } from "@/lib/entities/session";

export const metadata = recordTitle(session.names, "History of");
export const dynamic = "force-dynamic";

export default talkRowHistoryPage("session");
