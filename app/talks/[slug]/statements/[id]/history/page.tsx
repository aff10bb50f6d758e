import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowHistoryPage } from "@/app/_editing/routes";
import { statement } from "@/lib/entities/statement";

export const metadata = recordTitle(statement.names, "History of");
export const dynamic = "force-dynamic";

export default talkRowHistoryPage("statement");
