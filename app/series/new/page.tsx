import { recordTitle } from "@/app/_editing/record-pages";
import { catalogNewPage } from "@/app/_editing/routes";
import { series } from "@/lib/entities/series";

export const metadata = recordTitle(series.names, "Add");
export const dynamic = "force-dynamic";

export default catalogNewPage("series");
