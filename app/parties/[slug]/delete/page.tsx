import { recordTitle } from "@/app/_editing/record-pages";
import { catalogDeletePage } from "@/app/_editing/routes";
import { party } from "@/lib/entities/party";

export const metadata = recordTitle(party.names, "Delete");
export const dynamic = "force-dynamic";

export default catalogDeletePage("party");
