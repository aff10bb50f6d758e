import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowDeletePage } from "@/app/_editing/routes";
import { statement } from "@/lib/entities/statement";

export const metadata = recordTitle(statement.names, "Delete");
export const dynamic = "force-dynamic";

export default talkRowDeletePage("statement");
