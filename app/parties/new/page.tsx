import { recordTitle } from "@/app/_editing/record-pages";
import { catalogNewPage } from "@/app/_editing/routes";
import { party } from "@/lib/entities/party";

export const metadata = recordTitle(party.names, "Add");
export const dynamic = "force-dynamic";

export default catalogNewPage("party");
