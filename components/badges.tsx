import type { Gap, Outcome, TalkStatus } from "@/lib/enums";
import { GAP_LABEL, OUTCOME_LABEL, TALK_STATUS_LABEL } from "@/lib/labels";

const OUTCOME_TONE: Record<Outcome, string> = {
  agreement: "badge--ok",
  progress: "badge--ok",
  no_progress: "badge--warn",
  deadlock: "badge--bad",
  suspended: "badge--bad",
  unknown: "badge--outline",
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <span className={`badge ${OUTCOME_TONE[outcome]}`}>{OUTCOME_LABEL[outcome]}</span>;
}

const STATUS_TONE: Record<TalkStatus, string> = {
  scheduled: "badge--outline",
  ongoing: "badge--accent",
  concluded: "",
  suspended: "badge--bad",
};

export function StatusBadge({ status }: { status: TalkStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{TALK_STATUS_LABEL[status]}</span>;
}

const GAP_TONE: Record<Gap, string> = {
  agreed: "badge--ok",
  narrowing: "badge--ok",
  unchanged: "",
  widening: "badge--warn",
  deadlocked: "badge--bad",
};

export function GapBadge({ gap }: { gap: Gap }) {
  return <span className={`badge ${GAP_TONE[gap]}`}>{GAP_LABEL[gap]}</span>;
}
