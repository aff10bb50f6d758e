import type { IssueRef } from "@/lib/data/talks";
import { asOfOnly } from "@/lib/timeline/moment-query";

/** `query`: the page's ("" or "?…"); on an "as known on" page, the issue pages it links to are of the same moment. */
export function IssueLinks({ issues, query = "" }: { issues: IssueRef[]; query?: string }) {
  const keep = asOfOnly(query);
  if (issues.length === 0) return null;
  return (
    <span>
      On:{" "}
      {issues.map((issue, i) => (
        <span key={issue.slug}>
          {i > 0 && ", "}
          <a href={`/issues/${issue.slug}${keep}`}>{issue.name}</a>
        </span>
      ))}
    </span>
  );
}
