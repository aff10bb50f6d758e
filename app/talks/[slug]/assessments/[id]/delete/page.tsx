import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowDeletePage } from "@/app/_editing/routes";
import { assessment } from "@/lib/entities/assessment";

export const metadata = recordTitle(assessment.names, "Delete");
export const dynamic = "force-dynamic";

export default talkRowDeletePage("assessment");
