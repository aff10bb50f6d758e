import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditLinks } from "@/components/editing/profile-edit-links";
import { ReaderTimes } from "@/components/reader-times";
import { StatementsByTalk } from "@/components/statements/statements-by-talk";
import { RoleBadge, TalkMeta } from "@/components/statements/talk-meta";
import { getPartyPage } from "@/lib/data/parties";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getPartyPage((await params).slug);
  return { title: data?.party.name ?? "Party not found" };
}

export default async function PartyPage({ params }: Props) {
  const data = await getPartyPage((await params).slug);
  if (!data) notFound();
  const { party, talks, envoys, statements, statementCount } = data;
  return (
    <>
      <header className="profile-header">
        <p className="profile-header__kind">Party</p>
        <h1>{party.name}</h1>
        <ProfileEditLinks base={`/parties/${party.slug}`} newHref="/parties/new" newLabel="Add a party" />
        <dl className="facts">
          {party.shortName !== party.name && (
            <>
              <dt>Short name</dt>
              <dd>{party.shortName}</dd>
            </>
          )}
          <dt>ISO 3166-1 code</dt>
          <dd>{party.isoCode ? <code className="code">{party.isoCode}</code> : <span className="muted">None</span>}</dd>
        </dl>
      </header>

      <div className="profile-columns">
        <section className="profile-section" aria-labelledby="talks-heading">
          <h2 id="talks-heading">Talks</h2>
          {talks.length === 0 ? (
            <p className="muted">Not recorded as taking part in any talk.</p>
          ) : (
            <ul className="talk-rows">
              {talks.map((talk) => (
                <li key={talk.slug}>
                  <Link href={`/talks/${talk.slug}`}>{talk.title}</Link>
                  <TalkMeta talk={talk} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="profile-section" aria-labelledby="envoys-heading">
          <h2 id="envoys-heading">Envoys</h2>
          {envoys.length === 0 ? (
            <p className="muted">No envoy recorded.</p>
          ) : (
            <ul className="talk-rows">
              {envoys.map((envoy) => (
                <li key={envoy.slug}>
                  <Link href={`/envoys/${envoy.slug}`}>{envoy.name}</Link>
                  <span className="meta">
                    {envoy.nameOriginal && <span>{envoy.nameOriginal}</span>}
                    {envoy.title && <span>{envoy.title}</span>}
                    {envoy.roles.map(({ talk, role }) => (
                      <span key={talk.slug}>
                        <RoleBadge role={role} /> <span className="muted">in {talk.title}</span>
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="profile-section" aria-labelledby="statements-heading">
        <h2 id="statements-heading">Statements</h2>
        <p className="muted small">
          {statementCount} {statementCount === 1 ? "statement" : "statements"} by {party.shortName} as a whole and by its envoys,
          by talk and by the venue’s local day, in the order they were said. Those whose day the sources do not give come last,
          under “Day not reported”.
        </p>
        <StatementsByTalk groups={statements} emptyText={`No statement by ${party.shortName} is recorded.`} />
      </section>
      <ReaderTimes />
    </>
  );
}
