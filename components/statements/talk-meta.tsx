import type { DelegationRole } from "@/lib/enums";
import type { TalkRef } from "@/lib/data/statement-refs";
import { formatDayRange } from "@/lib/time/local-day";
import { StatusBadge } from "../badges";

/** A talk's status, venue and dates, beside its linked title; `children` come first. */
export function TalkMeta({ talk, children }: { talk: TalkRef; children?: React.ReactNode }) {
  return (
    <span className="meta">
      {children}
      <StatusBadge status={talk.status} />
      <span>{talk.venueCity}</span>
      <span>{formatDayRange(talk.firstDay, talk.lastDay)}</span>
    </span>
  );
}

// Belongs with the other enum labels in lib/labels.ts once that file is free to change.
const DELEGATION_ROLE_LABEL: Record<DelegationRole, string> = {
  head: "Head of delegation",
  member: "Delegation member",
};

/** An envoy's role in one talk (it belongs to the talk, not to the person). */
export function RoleBadge({ role }: { role: DelegationRole }) {
  return <span className={`badge ${role === "head" ? "badge--accent" : "badge--outline"}`}>{DELEGATION_ROLE_LABEL[role]}</span>;
}
