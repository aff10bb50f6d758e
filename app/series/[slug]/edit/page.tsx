import { recordTitle } from "@/app/_editing/record-pages";
import { catalogEditPage } from "@/app/_editing/routes";
import { series } from "@/lib/entities/series";

export const metadata = recordTitle(series.names, "Edit");
export const dynamic = "force-dynamic";

export default catalogEditPage("series");
