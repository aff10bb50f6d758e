import { recordTitle } from "@/app/_editing/record-pages";
import { catalogDeletePage } from "@/app/_editing/routes";
import { series } from "@/lib/entities/series";

export const metadata = recordTitle(series.names, "Delete");
export const dynamic = "force-dynamic";

export default catalogDeletePage("series");
