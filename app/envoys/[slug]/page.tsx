import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditLinks } from "@/components/editing/profile-edit-links";
import { ReaderTimes } from "@/components/reader-times";
import { StatementsByTalk } from "@/components/statements/statements-by-talk";
import { RoleBadge, TalkMeta } from "@/components/statements/talk-meta";
import { getEnvoyPage } from "@/lib/data/envoys";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getEnvoyPage((await params).slug);
  return { title: data?.envoy.name ?? "Envoy not found" };
}

export default async function EnvoyPage({ params }: Props) {
  const data = await getEnvoyPage((await params).slug);
  if (!data) notFound();
  const { envoy, roles, statements, statementCount } = data;
  return (
    <>
      <header className="profile-header">
        <p className="profile-header__kind">Envoy</p>
        <h1>{envoy.name}</h1>
        <ProfileEditLinks base={`/envoys/${envoy.slug}`} newHref="/envoys/new" newLabel="Add an envoy" />
        <dl className="facts">
          <dt>Title</dt>
          <dd>{envoy.title ?? <span className="muted">Not recorded</span>}</dd>
          <dt>Party</dt>
          <dd>
            <Link href={`/parties/${envoy.party.slug}`}>{envoy.party.name}</Link>
          </dd>
          {envoy.nameOriginal && (
            <>
              <dt>In original script</dt>
              <dd>{envoy.nameOriginal}</dd>
            </>
          )}
        </dl>
      </header>

      <section className="profile-section" aria-labelledby="talks-heading">
        <h2 id="talks-heading">Talks</h2>
        {roles.length === 0 ? (
          <p className="muted">Not recorded as a delegate in any talk.</p>
        ) : (
          <ul className="talk-rows">
            {roles.map(({ talk, role }) => (
              <li key={talk.slug}>
                <Link href={`/talks/${talk.slug}`}>{talk.title}</Link>
                <TalkMeta talk={talk}>
                  <RoleBadge role={role} />
                </TalkMeta>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="profile-section" aria-labelledby="statements-heading">
        <h2 id="statements-heading">Statements</h2>
        <p className="muted small">
          {statementCount} {statementCount === 1 ? "statement" : "statements"}, by talk and by the venue’s local day, in the
          order they were said. Those whose day the sources do not give come last, under “Day not reported”.
        </p>
        <StatementsByTalk groups={statements} linkEnvoy={false} emptyText={`No statement by ${envoy.name} is recorded.`} />
      </section>
      <ReaderTimes />
    </>
  );
}
