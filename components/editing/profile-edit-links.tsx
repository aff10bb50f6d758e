import "@/components/timeline/edit-links.css";
import { viewerCanEdit } from "@/lib/data/editing";

/** Under a party's, envoy's or issue's heading: its history for everyone, editing for editors. */
export async function ProfileEditLinks({ base, newHref, newLabel }: { base: string; newHref: string; newLabel: string }) {
  const editable = await viewerCanEdit();
  return (
    <p className="edit-links no-print">
      <a href={`${base}/history`}>History of changes</a>
      {editable ? (
        <>
          <a href={`${base}/edit`}>Edit</a>
          <a href={newHref}>{newLabel}</a>
        </>
      ) : null}
    </p>
  );
}

/** On the talks index, for editors: start a new talk, or import one from a file. */
export async function NewTalkLink() {
  if (!(await viewerCanEdit())) return null;
  return (
    <p className="edit-links no-print">
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on the readers' talks index: next/link would add its client code to every reader's page (bench/README.md, issue 7) */}
      <a href="/talks/new">New talk</a>
      <a href="/import">Import a talk</a>
    </p>
  );
}
