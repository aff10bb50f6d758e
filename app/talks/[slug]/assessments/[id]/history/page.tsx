import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowHistoryPage } from "@/app/_editing/routes";
import { assessment } from "@/lib/entities/assessment";

export const metadata = recordTitle(assessment.names, "History of");
export const dynamic = "force-dynamic";

export default talkRowHistoryPage("assessment");
