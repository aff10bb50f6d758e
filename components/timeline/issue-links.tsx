import type { IssueRef } from "@/lib/data/talks";

export function IssueLinks({ issues }: { issues: IssueRef[] }) {
  if (issues.length === 0) return null;
  return (
    <span>
      On:{" "}
      {issues.map((issue, i) => (
        <span key={issue.slug}>
          {i > 0 && ", "}
          <a href={`/issues/${issue.slug}`}>{issue.name}</a>
        </span>
      ))}
    </span>
  );
}
