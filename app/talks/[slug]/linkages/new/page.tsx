import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { linkageFields } from "@/app/_editing/routes";
import { SimpleForm } from "@/components/editing/simple-form";
import * as linkageActions from "@/lib/actions/linkages";
import { requireEditorPage } from "@/lib/data/editing";
import { getLinkageFormOptions } from "@/lib/data/linkages";

export const metadata: Metadata = { title: "Add a linkage" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** /talks/<slug>/linkages/new: a party makes one issue of the talk conditional on another. */
export default async function NewLinkagePage({ params }: Props) {
  const { slug } = await params;
  await requireEditorPage(`/talks/${slug}/linkages/new`);
  const options = await getLinkageFormOptions(slug);
  if (!options) notFound();
  const back = `/talks/${slug}#linkages`;
  return (
    <div className="edit-page edit-page--narrow">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={`/talks/${slug}`}>{options.talk.title}</Link> › <Link href={back}>Linkages</Link>
      </nav>
      <h1>Add a linkage</h1>
      <p className="muted">A condition one party sets between two issues: it will not settle one until the other is settled.</p>
      <SimpleForm
        prefix="linkage"
        action={linkageActions.create}
        hidden={["talk"]}
        initial={{ talk: slug, party: "", issue: "", conditionIssue: "", text: "", statedOn: "", droppedOn: "", statement: "" }}
        fields={linkageFields(options)}
        submitLabel="Add linkage"
        cancelHref={back}
      />
    </div>
  );
}
