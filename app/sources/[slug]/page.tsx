import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditLinks } from "@/components/editing/profile-edit-links";
import { ReaderTimes } from "@/components/reader-times";
import { StatementsByTalk } from "@/components/statements/statements-by-talk";
import { getSourcePage } from "@/lib/data/sources";
import { dayLabel } from "@/lib/data/form-options";
import { formatLocalDay } from "@/lib/time/local-day";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getSourcePage((await params).slug);
  return { title: data ? `${data.source.publisher}, “${data.source.title}”` : "Source not found" };
}

/** /sources/<key>: a report, and every session and statement that cites it, in every talk. */
export default async function SourcePage({ params }: Props) {
  const data = await getSourcePage((await params).slug);
  if (!data) notFound();
  const { source, sessions, statements, statementCount } = data;
  return (
    <>
      <header className="profile-header">
        <p className="profile-header__kind">Source</p>
        <h1>{source.title}</h1>
        <ProfileEditLinks base={`/sources/${source.key}`} newHref="/sources/new" newLabel="Add a source" />
        <dl className="facts">
          <dt>Publisher</dt>
          <dd>{source.publisher}</dd>
          <dt>Published</dt>
          <dd>{source.publishedOn ? formatLocalDay(source.publishedOn) : <span className="muted">Not recorded</span>}</dd>
          <dt>Address</dt>
          <dd>
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer">
                {source.url}
              </a>
            ) : (
              <span className="muted">None recorded (not online, or not known)</span>
            )}
          </dd>
        </dl>
      </header>

      {sessions.length > 0 && (
        <section className="profile-section" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions it reports</h2>
          {sessions.map(({ talk, sessions: list }) => (
            <section key={talk.slug} className="talk-statements" aria-labelledby={`sessions-${talk.slug}`}>
              <h3 id={`sessions-${talk.slug}`}>
                <Link href={`/talks/${talk.slug}`}>{talk.title}</Link>
              </h3>
              <ul className="talk-rows">
                {list.map((s) => (
                  <li key={s.id}>
                    <a href={`/talks/${talk.slug}/days/${s.localDay ?? "unknown"}#session-${s.id}`}>{s.title}</a>{" "}
                    <span className="muted">{dayLabel(talk, s.localDay)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      <section className="profile-section" aria-labelledby="statements-heading">
        <h2 id="statements-heading">Statements it carries</h2>
        <p className="muted small">
          {statementCount} {statementCount === 1 ? "statement" : "statements"}, by talk and by the venue’s local day.
        </p>
        <StatementsByTalk groups={statements} emptyText="No statement cites this source." />
      </section>
      <ReaderTimes />
    </>
  );
}
