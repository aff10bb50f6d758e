import { recordTitle } from "@/app/_editing/record-pages";
import { catalogDeletePage } from "@/app/_editing/routes";
import { issue } from "@/lib/entities/issue";

export const metadata = recordTitle(issue.names, "Delete");
export const dynamic = "force-dynamic";

export default catalogDeletePage("issue");
