import { recordTitle } from "@/app/_editing/record-pages";
import { catalogEditPage } from "@/app/_editing/routes";
import { party } from "@/lib/entities/party";

export const metadata = recordTitle(party.names, "Edit");
export const dynamic = "force-dynamic";

export default catalogEditPage("party");
