// The page components the editing routes export: one maker per page, parameterised by kind. A
// route file is its title and one line (see app/parties/[slug]/edit/page.tsx).
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SessionForm } from "@/components/editing/session-form";
import { SimpleForm } from "@/components/editing/simple-form";
import { StatementForm } from "@/components/editing/statement-form";
import { TalkForm } from "@/components/editing/talk-form";
import { requireEditorPage, viewerCanEdit } from "@/lib/data/editing";
import { getCatalogOptions, getTalkFormOptions } from "@/lib/data/form-options";
import { issueNameOf } from "@/lib/data/rows-for-edit";
import { getLinkageFormOptions, type LinkageFormOptions } from "@/lib/data/linkages";
import type { AssessmentSnapshot } from "@/lib/entities/assessment";
import { LINKAGE_TEXT_MAX, type LinkageSnapshot } from "@/lib/entities/linkage";
import { lastAllowedDay, summarizeTalkDays } from "@/lib/time/talk-span";
import { catalogPath, type CatalogType } from "@/lib/entities/catalog";
import type { TalkRowType } from "@/lib/entities/talk-row";
import type { FieldSpec } from "@/lib/entities/types";
import { GAP_LABEL } from "@/lib/labels";
import { GapSchema, NOTE_MAX } from "@/lib/talk-document/schema";
import { formatLocalDay } from "@/lib/time/local-day";
import { RecordDeletePage, RecordEditPage, RecordHistoryPage } from "./record-pages";
import { CATALOG_KINDS, catalogView, talkRowView, talkView, withTalkHistory } from "./record-views";

type SlugProps = { params: Promise<{ slug: string }> };
type RowProps = { params: Promise<{ slug: string; id: string }> };

const SLUG_HINT = "Part of the web address: lower-case letters, digits and hyphens. It cannot be changed later.";

/** The address field of a shared record: typed once, then shown. */
export const slugField = (mode: "create" | "edit"): FieldSpec =>
  mode === "create" ? { name: "slug", label: "Address", kind: "text", hint: SLUG_HINT, max: 80 } : { name: "slug", label: "Address", kind: "text", readOnly: true };

/** The linkage form's fields (new and edit alike), from the talk's parties, agenda and statements. */
export function linkageFields(options: LinkageFormOptions): FieldSpec[] {
  const days = { min: options.talk.firstDay, max: lastAllowedDay(options.talk) };
  return [
    { name: "party", label: "Party", kind: "select", options: options.parties, placeholder: "Choose the party that sets the condition" },
    { name: "issue", label: "Issue held back", kind: "select", options: options.issues, placeholder: "Choose the issue", hint: "What the party will not settle (e.g. normalization)…" },
    { name: "conditionIssue", label: "Conditional on", kind: "select", options: options.issues, placeholder: "Choose the issue", hint: "…until this issue is settled (e.g. the abductions)." },
    { name: "text", label: "Condition", kind: "textarea", max: LINKAGE_TEXT_MAX, hint: "In a sentence, in your own words or the party’s." },
    { name: "statedOn", label: "Stated on (optional)", kind: "date", days, hint: `A day of the talk in ${options.talk.venueCity}: ${summarizeTalkDays(options.talk)}. Leave empty if the report does not say.` },
    { name: "droppedOn", label: "Dropped on (optional)", kind: "date", days, hint: "Only once the party has let the condition go." },
    {
      name: "statement",
      label: "Stated in (optional)",
      kind: "select",
      options: options.statements,
      filterBy: "party",
      placeholder: "No statement recorded",
      hint: "The statements of the party chosen above, by day, each with its speaker and first words.",
    },
  ];
}

export const GAP_FIELD: FieldSpec = { name: "gap", label: "Gap", kind: "select", options: GapSchema.options.map((g) => ({ value: g, label: GAP_LABEL[g] })) };

// ---- parties, envoys, issues, sources ----

export function catalogNewPage(type: CatalogType) {
  return async function NewRecordPage() {
    const { entity, actions } = CATALOG_KINDS[type];
    await requireEditorPage(catalogPath(entity, "", "new"));
    const fields = [...entity.fields(await getCatalogOptions()), slugField("create")];
    return (
      <div className="edit-page edit-page--narrow">
        <h1>Add {entity.names.a}</h1>
        <p className="muted">Shared by every talk: add it once, then choose it on a talk’s page.</p>
        <SimpleForm prefix={type} action={actions.create} fields={fields} hidden={[]} initial={{}} submitLabel={`Add ${entity.names.one}`} cancelHref="/" />
      </div>
    );
  };
}

export function catalogEditPage(type: CatalogType) {
  return async function EditRecordPage({ params }: SlugProps) {
    const { slug } = await params;
    await requireEditorPage(catalogPath(CATALOG_KINDS[type].entity, slug, "edit"));
    const found = await catalogView(type, slug);
    if (!found) notFound();
    const fields = [...found.entity.fields(await getCatalogOptions()), slugField("edit")];
    const form = <SimpleForm prefix={type} action={found.actions.update} fields={fields} hidden={["id", "version"]} initial={found.row.values} submitLabel="Save changes" cancelHref={found.view.base} />;
    return <RecordEditPage view={found.view} form={form} />;
  };
}

export function catalogDeletePage(type: CatalogType) {
  return async function DeleteRecordPage({ params }: SlugProps) {
    const { slug } = await params;
    await requireEditorPage(catalogPath(CATALOG_KINDS[type].entity, slug, "delete"));
    const found = await catalogView(type, slug);
    if (!found) notFound();
    return <RecordDeletePage view={found.view} />;
  };
}

export function catalogHistoryPage(type: CatalogType) {
  return async function RecordHistory({ params }: SlugProps) {
    const [found, editable] = await Promise.all([params.then(({ slug }) => catalogView(type, slug)), viewerCanEdit()]);
    if (!found) notFound();
    return <RecordHistoryPage view={found.view} editable={editable} />;
  };
}

// ---- the talk ----

export async function TalkEditPage({ params }: SlugProps) {
  const { slug } = await params;
  await requireEditorPage(`/talks/${slug}/edit`);
  const [found, options] = await Promise.all([talkView(slug), getCatalogOptions()]);
  if (!found) notFound();
  const extra = (
    <>
      {" · "}Add a missing <Link href="/parties/new">party</Link>, <Link href="/envoys/new">envoy</Link>, <Link href="/issues/new">issue</Link> or <Link href="/series/new">series</Link>
    </>
  );
  return <RecordEditPage view={{ ...found.view, summary: null }} form={<TalkForm mode="edit" options={options} initial={found.row.values} cancelHref={found.view.base} />} extra={extra} />;
}

export async function TalkDeletePage({ params }: SlugProps) {
  const { slug } = await params;
  await requireEditorPage(`/talks/${slug}/delete`);
  const found = await talkView(slug);
  if (!found) notFound();
  return <RecordDeletePage view={found.view} />;
}

// ---- a talk's sessions, statements and assessments ----

async function talkRowForm(type: TalkRowType, found: NonNullable<Awaited<ReturnType<typeof talkRowView>>>): Promise<ReactNode> {
  const { row, talk, view } = found;
  const values = row.values;
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name]) : []);
  const cancelHref = `${view.back.href}${type === "assessment" ? "" : `#${type}-${row.id}`}`;
  if (type === "linkage") {
    const options = await getLinkageFormOptions(talk.slug, { statement: (row.snapshot as LinkageSnapshot).statement });
    if (!options) notFound();
    return <SimpleForm prefix="linkage" action={found.actions.update} hidden={["talk", "id", "version"]} initial={values} fields={linkageFields(options)} submitLabel="Save changes" cancelHref={view.back.href} />;
  }
  if (type === "assessment") {
    const fields: FieldSpec[] = [
      { name: "issueName", label: "Issue", kind: "text", readOnly: true },
      { name: "dayName", label: "Day", kind: "text", readOnly: true },
      GAP_FIELD,
      { name: "note", label: "Note (optional)", kind: "textarea", max: NOTE_MAX, hint: "Saving signs the assessment with your name." },
    ];
    const snapshot = row.snapshot as AssessmentSnapshot;
    const initial = { ...values, issueName: await issueNameOf(snapshot.issue), dayName: formatLocalDay(snapshot.localDay) };
    return <SimpleForm prefix="assessment" action={found.actions.update} hidden={["talk", "id", "version"]} initial={initial} fields={fields} submitLabel="Save changes" cancelHref={cancelHref} />;
  }
  const options = await getTalkFormOptions(talk.slug, { issues: list("issues"), sources: list("sources"), sessions: type === "statement" && values.session ? [values.session as string] : [] });
  if (!options) notFound();
  return type === "session" ? (
    <SessionForm mode="edit" options={options} initial={values} cancelHref={cancelHref} />
  ) : (
    <StatementForm mode="edit" options={options} initial={values} cancelHref={cancelHref} />
  );
}

export function talkRowEditPage(type: TalkRowType) {
  return async function EditRowPage({ params }: RowProps) {
    const { slug, id } = await params;
    await requireEditorPage(`/talks/${slug}/${type}s/${id}/edit`);
    const found = await talkRowView(type, slug, id);
    if (!found) notFound();
    return <RecordEditPage view={found.view} form={found.view.deleted ? null : await talkRowForm(type, found)} />;
  };
}

export function talkRowDeletePage(type: TalkRowType) {
  return async function DeleteRowPage({ params }: RowProps) {
    const { slug, id } = await params;
    await requireEditorPage(`/talks/${slug}/${type}s/${id}/delete`);
    const found = await talkRowView(type, slug, id);
    if (!found) notFound();
    return <RecordDeletePage view={found.view} />;
  };
}

export function talkRowHistoryPage(type: TalkRowType) {
  return async function RowHistoryPage({ params }: RowProps) {
    const { slug, id } = await params;
    const [found, editable] = await Promise.all([talkRowView(type, slug, id), viewerCanEdit()]);
    if (!found) notFound();
    return <RecordHistoryPage view={withTalkHistory(found.view, slug)} editable={editable} />;
  };
}
