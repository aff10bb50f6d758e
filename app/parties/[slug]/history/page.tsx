import { recordTitle } from "@/app/_editing/record-pages";
import { catalogHistoryPage } from "@/app/_editing/routes";
import { party } from "@/lib/entities/party";

export const metadata = recordTitle(party.names, "History of");
export const dynamic = "force-dynamic";

export default catalogHistoryPage("party");
