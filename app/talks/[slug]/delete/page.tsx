import { recordTitle } from "@/app/_editing/record-pages";
import { TalkDeletePage } from "@/app/_editing/routes";
import { talk } from "@/lib/entities/talk";

export const metadata = recordTitle(talk.names, "Delete");
export const dynamic = "force-dynamic";

export default TalkDeletePage;
