import { recordTitle } from "@/app/_editing/record-pages";
import { catalogNewPage } from "@/app/_editing/routes";
import { issue } from "@/lib/entities/issue";

export const metadata = recordTitle(issue.names, "Add");
export const dynamic = "force-dynamic";

export default catalogNewPage("issue");
