import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowEditPage } from "@/app/_editing/routes";
import { statement } from "@/lib/entities/statement";

export const metadata = recordTitle(statement.names, "Edit");
export const dynamic = "force-dynamic";

export default talkRowEditPage("statement");
