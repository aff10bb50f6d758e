import { recordTitle } from "@/app/_editing/record-pages";
import { catalogEditPage } from "@/app/_editing/routes";
import { issue } from "@/lib/entities/issue";

export const metadata = recordTitle(issue.names, "Edit");
export const dynamic = "force-dynamic";

export default catalogEditPage("issue");
