import type { Metadata } from "next";
import Link from "next/link";
import { TalkForm } from "@/components/editing/talk-form";
import { getCatalogOptions } from "@/lib/data/form-options";
import { requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "New talk" };
export const dynamic = "force-dynamic";

export default async function NewTalkPage() {
  await requireEditorPage("/talks/new");
  const options = await getCatalogOptions();
  return (
    <div className="edit-page">
      <h1>New talk</h1>
      <p className="muted">
        One negotiation round. Parties, envoys and issues are shared by all talks; add a missing one first: <Link href="/parties/new">party</Link>,{" "}
        <Link href="/envoys/new">envoy</Link>, <Link href="/issues/new">issue</Link>.
      </p>
      <TalkForm
        mode="create"
        options={options}
        initial={{ slug: "", title: "", venueCity: "", venueTimeZone: "", firstDay: "", lastDay: "", status: "scheduled", summary: "", parties: [], envoys: [], issues: [] }}
        cancelHref="/"
      />
    </div>
  );
}
