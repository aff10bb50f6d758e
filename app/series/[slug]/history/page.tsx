import { recordTitle } from "@/app/_editing/record-pages";
import { catalogHistoryPage } from "@/app/_editing/routes";
import { series } from "@/lib/entities/series";

export const metadata = recordTitle(series.names, "History of");
export const dynamic = "force-dynamic";

export default catalogHistoryPage("series");
