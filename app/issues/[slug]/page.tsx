import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditLinks } from "@/components/editing/profile-edit-links";
import { IssueTalksBySeries } from "@/components/issues/issue-talks-by-series";
import { ReaderTimes } from "@/components/reader-times";
import { AsOfBanner, MomentNotice } from "@/components/talk/as-of-banner";
import { getIssuePage, type IssueStatementFilter } from "@/lib/data/issues";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** `?show=all` lists every statement on the issue; anything else, what each party holds. */
function parseShow(searchParams: Record<string, string | string[] | undefined>): IssueStatementFilter {
  return searchParams.show === "all" ? "all" : "stances";
}

/** `?asOf=`: the issue's statements and assessments as known on a moment (docs/decisions/026). */
function parseAsOf(searchParams: Record<string, string | string[] | undefined>): string | null {
  return typeof searchParams.asOf === "string" && searchParams.asOf !== "" ? searchParams.asOf : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const search = await searchParams;
  const data = await getIssuePage((await params).slug, parseShow(search), parseAsOf(search));
  return { title: data?.issue.name ?? "Issue not found" };
}

export default async function IssuePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const search = await searchParams;
  const show = parseShow(search);
  const data = await getIssuePage(slug, show, parseAsOf(search));
  if (!data) notFound();
  const { issue, talks, asOf } = data;
  const showQuery = show === "all" ? "?show=all" : "";
  if (asOf && !asOf.ok) return <MomentNotice message={asOf.message} nowHref={`/issues/${slug}${showQuery}`} />;
  // As known on a moment: read-only, and every link the page makes keeps the moment.
  const past = asOf !== null && !asOf.future;
  const moment = asOf ? `asOf=${encodeURIComponent(parseAsOf(search)!)}` : "";
  const withMoment = (query: string) => (moment ? `${query ? `${query}&` : "?"}${moment}` : query);
  return (
    <>
      {asOf && (
        <AsOfBanner
          moment={asOf.future ? "" : asOf.label}
          nowHref={`/issues/${slug}${showQuery}`}
          future={asOf.future}
          also="Which talks have the issue on their agenda, and the linkages between issues, are as they are now."
        />
      )}
      <header className="profile-header">
        <p className="profile-header__kind">Issue</p>
        <h1>{issue.name}</h1>
        {!past && <ProfileEditLinks base={`/issues/${issue.slug}`} newHref="/issues/new" newLabel="Add an issue" />}
        {issue.description && <p className="profile-header__summary">{issue.description}</p>}
        <p className="muted small">
          On the agenda of {talks.length} {talks.length === 1 ? "talk" : "talks"}.
        </p>
      </header>

      {talks.length > 0 && (
        <nav className="show-filter" aria-label="Statements shown">
          <span className="muted">Show:</span>
          <Link href={`/issues/${slug}${withMoment("")}`} aria-current={show === "stances" ? "page" : undefined}>
            Positions, demands and denials
          </Link>
          <Link href={`/issues/${slug}${withMoment("?show=all")}`} aria-current={show === "all" ? "page" : undefined}>
            All statements on this issue
          </Link>
        </nav>
      )}

      {talks.length === 0 ? (
        <p className="muted">No talk has this issue on its agenda yet.</p>
      ) : (
        <IssueTalksBySeries talks={talks} issue={issue} show={show} query={withMoment("")} />
      )}
      <ReaderTimes />
    </>
  );
}
