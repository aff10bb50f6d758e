import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowEditPage } from "@/app/_editing/routes";
import { session } from "@/lib/entities/session";

export const metadata = recordTitle(session.names, "Edit");
export const dynamic = "force-dynamic";

export default talkRowEditPage("session");
