import { talkExportLinks } from "@/lib/exports/links";

/** "Export: CSV · JSON · Calendar · Atom feed · TimelineJS": the talk's exports (docs/decisions/016-exports.md). */
export function ExportLinks({ slug }: { slug: string }) {
  return (
    <nav className="export-links no-print" aria-label="Export this talk">
      <span className="export-links__label">Export:</span>{" "}
      <ul className="inline-list">
        {talkExportLinks(slug).map((link) => (
          <li key={link.href}>
            <a href={link.href} title={link.description}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
