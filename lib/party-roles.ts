// Who is at the table and in what part: "Japan · DPRK — hosted by China". Pure, so the header,
// the brief and the tests say it alike (decision 024).
import type { PartyRole } from "./enums";

const VERB: Record<Exclude<PartyRole, "principal">, string> = { host: "hosted by", mediator: "mediated by", observer: "observed by" };

export type PartyInRole = { slug: string; shortName: string; role: PartyRole };

/**
 * The principals joined by " · ", then each other role's parties after its verb. A talk whose
 * parties are all principals says just the principals; one with no principal (a host speaking
 * alone) leads with the others.
 */
export function describeSides(parties: PartyInRole[]): { principals: PartyInRole[]; others: { role: PartyRole; verb: string; parties: PartyInRole[] }[] } {
  const others = (Object.keys(VERB) as (keyof typeof VERB)[])
    .map((role) => ({ role, verb: VERB[role], parties: parties.filter((p) => p.role === role) }))
    .filter((g) => g.parties.length > 0);
  return { principals: parties.filter((p) => p.role === "principal"), others };
}

/** The same as one line of text (titles, exports). */
export function sidesText(parties: PartyInRole[]): string {
  const { principals, others } = describeSides(parties);
  const names = (ps: PartyInRole[]) => ps.map((p) => p.shortName).join(principals === ps ? " · " : " and ");
  return [names(principals), ...others.map((g) => `${g.verb} ${names(g.parties)}`)].filter(Boolean).join(" — ");
}
