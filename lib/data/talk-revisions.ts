// Which rows of the Revision table are a talk's: its own, and those of the shared records filed
// under no talk. The talk's stamp (lib/data/talks.ts) counts them; its event stream
// (lib/live/changes.ts) reads them.
import "server-only";

/**
 * Shared records, filed under no talk: a talk's stream carries their changes too, and describe()
 * keeps those the talk uses (a corrected source title shows on every page that cites it).
 */
export const SHARED_TYPES = ["party", "envoy", "issue", "source"];

/** A talk's revisions, and those of every shared record. */
export const ofTalk = (talkId: string) => ({ OR: [{ talkId }, { talkId: null, entityType: { in: SHARED_TYPES } }] });
