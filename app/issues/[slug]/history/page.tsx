import { recordTitle } from "@/app/_editing/record-pages";
import { catalogHistoryPage } from "@/app/_editing/routes";
import { issue } from "@/lib/entities/issue";

export const metadata = recordTitle(issue.names, "History of");
export const dynamic = "force-dynamic";

export default catalogHistoryPage("issue");
