import { recordTitle } from "@/app/_editing/record-pages";
import { TalkEditPage } from "@/app/_editing/routes";
import { talk } from "@/lib/entities/talk";

export const metadata = recordTitle(talk.names, "Edit");
export const dynamic = "force-dynamic";

export default TalkEditPage;
