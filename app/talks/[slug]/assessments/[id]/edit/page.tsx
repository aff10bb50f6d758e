import { recordTitle } from "@/app/_editing/record-pages";
import { talkRowEditPage } from "@/app/_editing/routes";
import { assessment } from "@/lib/entities/assessment";

export const metadata = recordTitle(assessment.names, "Edit");
export const dynamic = "force-dynamic";

export default talkRowEditPage("assessment");
