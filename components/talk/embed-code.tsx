// "Embed this timeline": the iframe code for /embed/talks/<slug> (the one page another site may
// frame; docs/decisions/018-embed-and-structured-data.md), to copy into a newsroom's page.
import { CopyButton } from "./copy-button";

export function embedCodeFor(site: string, slug: string, title: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<iframe src="${escape(`${site}/embed/talks/${slug}`)}" title="${escape(`${title} · Parley`)}" width="100%" height="640" style="border:1px solid #dfe2e5" loading="lazy"></iframe>`;
}

export function EmbedCode({ site, slug, title }: { site: string; slug: string; title: string }) {
  const id = "embed-code";
  return (
    <details className="embed-code no-print">
      <summary>Embed this timeline on another site</summary>
      <p className="muted small">
        A compact, read-only timeline of this talk (<a href={`/embed/talks/${slug}`}>preview</a>) that stays up to date. Paste this code into your page:
      </p>
      <textarea id={id} readOnly rows={3} value={embedCodeFor(site, slug, title)} aria-label="Embed code" className="embed-code__field" />
      <p>
        <CopyButton target={id} label="Copy embed code" />
      </p>
    </details>
  );
}
