// The editing pages of parties, envoys, issues and sources, shared by their routes (app/parties/new,
// app/parties/[slug]/edit, …): one description per kind, the same pages for all four.
import Link from "next/link";
import { notFound } from "next/navigation";
import * as envoyActions from "@/lib/actions/envoys";
import * as issueActions from "@/lib/actions/issues";
import * as partyActions from "@/lib/actions/parties";
import * as sourceActions from "@/lib/actions/sources";
import { getCatalogOptions, getCatalogRowForEdit, requireEditorPage, viewerCanEdit } from "@/lib/data/editing";
import { getEntityHistory } from "@/lib/data/history";
import { SUMMARY_MAX, TITLE_MAX } from "@/lib/talk-document/schema";
import { EntityHistoryView } from "./entity-history";
import { SimpleForm, type SimpleField } from "./simple-form";
import { DeleteFlow } from "./version-actions";

export type CatalogType = "party" | "envoy" | "issue" | "source";

const KIND = {
  party: { path: "parties", one: "party", actions: { create: partyActions.createParty, update: partyActions.updateParty, remove: partyActions.deleteParty, undo: partyActions.undoDeleteParty, restore: partyActions.restorePartyRevision } },
  envoy: { path: "envoys", one: "envoy", actions: { create: envoyActions.createEnvoy, update: envoyActions.updateEnvoy, remove: envoyActions.deleteEnvoy, undo: envoyActions.undoDeleteEnvoy, restore: envoyActions.restoreEnvoyRevision } },
  issue: { path: "issues", one: "issue", actions: { create: issueActions.createIssue, update: issueActions.updateIssue, remove: issueActions.deleteIssue, undo: issueActions.undoDeleteIssue, restore: issueActions.restoreIssueRevision } },
  source: { path: "sources", one: "source", actions: { create: sourceActions.createSource, update: sourceActions.updateSource, remove: sourceActions.deleteSource, undo: sourceActions.undoDeleteSource, restore: sourceActions.restoreSourceRevision } },
} as const;

const SLUG_HINT = "Part of the web address: lower-case letters, digits and hyphens. It cannot be changed later.";

async function fieldsOf(type: CatalogType, mode: "create" | "edit"): Promise<SimpleField[]> {
  const slug: SimpleField = mode === "create" ? { name: "slug", label: "Address", kind: "text", hint: SLUG_HINT, max: 80 } : { name: "slug", label: "Address", kind: "text", readOnly: true };
  if (type === "party") {
    return [
      { name: "name", label: "Name", kind: "text", max: TITLE_MAX, hint: "In full, e.g. Democratic People's Republic of Korea." },
      { name: "shortName", label: "Short name", kind: "text", max: 60, hint: "As the timeline shows it, e.g. DPRK." },
      { name: "isoCode", label: "ISO 3166-1 code (optional)", kind: "text", max: 3, hint: "Three letters, e.g. JPN; leave empty for an organization." },
      slug,
    ];
  }
  if (type === "envoy") {
    const { parties } = await getCatalogOptions();
    return [
      { name: "name", label: "Name in Latin script", kind: "text", max: TITLE_MAX },
      { name: "nameOriginal", label: "Name in the original script (optional)", kind: "text", max: TITLE_MAX },
      { name: "title", label: "Title (optional)", kind: "text", max: TITLE_MAX, hint: "E.g. Chief envoy of North Korea. Their role in a talk is set on the talk." },
      { name: "party", label: "Party", kind: "select", options: parties, placeholder: "Choose the party" },
      slug,
    ];
  }
  if (type === "source") {
    return [
      { name: "publisher", label: "Publisher", kind: "text", max: TITLE_MAX, hint: "Who published it, e.g. Kyodo News or the Foreign Ministry." },
      { name: "title", label: "Title", kind: "text", max: TITLE_MAX * 2, hint: "As published." },
      { name: "url", label: "Web address (optional)", kind: "text", max: 2_000, hint: "Starting with http:// or https://." },
      { name: "publishedOn", label: "Publication day (optional)", kind: "date", hint: "As the source dates itself." },
      slug,
    ];
  }
  return [
    { name: "name", label: "Name", kind: "text", max: TITLE_MAX, hint: "E.g. Abductions of Japanese nationals." },
    { name: "description", label: "Description (optional)", kind: "textarea", max: SUMMARY_MAX },
    slug,
  ];
}

export async function CatalogNewPage({ type }: { type: CatalogType }) {
  const kind = KIND[type];
  await requireEditorPage(`/${kind.path}/new`);
  return (
    <div className="edit-page edit-page--narrow">
      <h1>Add {type === "issue" ? "an issue" : `a ${kind.one}`}</h1>
      <p className="muted">Shared by every talk: add it once, then choose it on a talk’s page.</p>
      <SimpleForm prefix={type} action={kind.actions.create} fields={await fieldsOf(type, "create")} hidden={[]} initial={{}} submitLabel={`Add ${kind.one}`} cancelHref="/" />
    </div>
  );
}

export async function CatalogEditPage({ type, slug }: { type: CatalogType; slug: string }) {
  const kind = KIND[type];
  await requireEditorPage(`/${kind.path}/${slug}/edit`);
  const row = await getCatalogRowForEdit(type, slug);
  if (!row) notFound();
  const base = `/${kind.path}/${slug}`;
  return (
    <div className="edit-page edit-page--narrow">
      <p className="breadcrumb">
        <Link href={base}>{row.title}</Link>
      </p>
      <h1>Edit the {kind.one}</h1>
      <p className="muted">
        Opened at version {row.version} · <Link href={`${base}/history`}>History</Link> · <Link href={`${base}/delete`}>Delete</Link>
      </p>
      {row.deleted ? (
        <div className="notice" role="status">
          <p>This {kind.one} is deleted. Undo the deletion from its history to edit it again.</p>
        </div>
      ) : (
        <SimpleForm prefix={type} action={kind.actions.update} fields={await fieldsOf(type, "edit")} hidden={["id", "version"]} initial={row.values} submitLabel="Save changes" cancelHref={base} />
      )}
    </div>
  );
}

export async function CatalogHistoryPage({ type, slug }: { type: CatalogType; slug: string }) {
  const kind = KIND[type];
  const row = await getCatalogRowForEdit(type, slug);
  if (!row) notFound();
  const [history, editable] = await Promise.all([getEntityHistory(type, row.id), viewerCanEdit()]);
  if (!history) notFound();
  const base = `/${kind.path}/${slug}`;
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={base}>{row.title}</Link>
      </p>
      <h1>History of the {kind.one}</h1>
      <p className="muted">
        Now at version {history.version}
        {editable && !history.deleted ? (
          <>
            {" · "}
            <Link href={`${base}/edit`}>Edit</Link>
          </>
        ) : null}
      </p>
      <EntityHistoryView history={history} editable={editable} restoreAction={kind.actions.restore} undoAction={kind.actions.undo} fields={{ id: row.id }} />
    </div>
  );
}

export async function CatalogDeletePage({ type, slug }: { type: CatalogType; slug: string }) {
  const kind = KIND[type];
  await requireEditorPage(`/${kind.path}/${slug}/delete`);
  const row = await getCatalogRowForEdit(type, slug);
  if (!row) notFound();
  const base = `/${kind.path}/${slug}`;
  return (
    <div className="edit-page edit-page--narrow">
      <p className="breadcrumb">
        <Link href={base}>{row.title}</Link>
      </p>
      <h1>Delete the {kind.one}</h1>
      {row.deleted ? (
        <div className="notice" role="status">
          <p>
            This {kind.one} is already deleted. <Link href={`${base}/history`}>Open its history</Link> to undo the deletion.
          </p>
        </div>
      ) : (
        <DeleteFlow
          deleteAction={kind.actions.remove}
          undoAction={kind.actions.undo}
          fields={{ id: row.id, version: String(row.version) }}
          what={`“${row.title}”`}
          backHref={base}
          backLabel={`Back to ${row.title}`}
          historyHref={`${base}/history`}
        />
      )}
    </div>
  );
}
