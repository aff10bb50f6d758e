import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TalkDocumentSchema, describeIssues, type TalkDocument } from "./schema";

const seedFile = path.resolve(import.meta.dirname, "../../prisma/seed/japan-dprk-beijing-2006.json");
const seed = () => JSON.parse(readFileSync(seedFile, "utf8")) as TalkDocument;
const problems = (doc: unknown) => {
  const result = TalkDocumentSchema.safeParse(doc);
  return result.success ? [] : describeIssues(result.error);
};

describe("talk documents", () => {
  it("accepts the shipped Beijing data set", () => {
    expect(problems(seed())).toEqual([]);
  });

  it("names each problem by where it is", () => {
    const doc = seed();
    doc.talk.venueTimeZone = "Beijing";
    doc.statements[0]!.party = "japan"; // spoken by Song Il Ho, a DPRK envoy
    doc.statements[1]!.saidPrecision = "day";
    doc.statements[1]!.saidOn = "2006-02-31";
    doc.statements[2]!.sources = ["no-such-report"];
    doc.sessions[1]!.issues = ["trade"];
    // Every problem at once, so a bad import can be fixed in one pass.
    expect(problems(doc)).toEqual([
      "talk.venueTimeZone: must be an IANA time zone such as Asia/Shanghai",
      "statements[1].saidOn: must be a calendar day written YYYY-MM-DD",
      'sessions[1].issues[0]: names issue "trade", which the document does not define',
      'statements[0].party: is "japan" but envoy "song-il-ho" belongs to "dprk"',
      'statements[2].sources[0]: names source "no-such-report", which the document does not define',
    ]);
  });

  it("refuses a clock time or a day where the precision says none is known", () => {
    const doc = seed();
    const s = doc.statements.find((x) => x.saidPrecision === "unknown")!;
    s.saidOn = "2006-02-05";
    expect(problems(doc)).toContainEqual(expect.stringMatching(/saidPrecision: is unknown, so saidOn and saidAt must be empty/));
  });

  it("compares a session's start and end as instants, and refuses one of 24 hours or more", () => {
    const doc = seed();
    const opening = doc.sessions.find((x) => x.localDay === "2006-02-04")!;
    // 23:30 to 01:15 Beijing time, written with two offsets: fine.
    opening.startsAt = "2006-02-04T23:30:00+08:00";
    opening.endsAt = "2006-02-04T17:15:00Z";
    expect(problems(doc)).toEqual([]);
    opening.endsAt = "2006-02-05T23:30:00+08:00";
    expect(problems(doc)).toEqual([expect.stringMatching(/^sessions\[\d\]\.endsAt: must be less than 24 hours after startsAt/)]);
    opening.endsAt = "2006-02-04T15:00:00Z";
    expect(problems(doc)).toEqual([expect.stringMatching(/^sessions\[\d\]\.endsAt: must not be before startsAt/)]);
  });

  it("refuses quoted words that are not in the statement's text", () => {
    const doc = seed();
    doc.statements.find((x) => x.quotedWords)!.quotedWords = "big difference";
    expect(problems(doc)).toContainEqual(expect.stringMatching(/quotedWords: must appear word for word/));
  });

  it("keeps every dated row inside the talk's days: an open talk's run 50 years from its first", () => {
    const doc = seed(); // open: from 2006-02-04
    doc.assessments[0]!.localDay = "9999-12-31";
    doc.sessions[0]!.localDay = "2056-02-05";
    doc.sessions[0]!.startsAt = null;
    doc.statements[0]!.saidOn = "2056-02-04"; // the last day an open talk reaches: fine
    doc.linkages[0]!.statedOn = "2006-02-03";
    const open = "is outside the talk (from 4 February 2006): the talk is open, so its days run to 4 February 2056 at most";
    expect(problems(doc)).toEqual([
      `sessions[0].localDay: 2056-02-05 ${open}`,
      `assessments[0].localDay: 9999-12-31 ${open}`,
      `linkages[0].statedOn: 2006-02-03 ${open}`,
    ]);
  });

  it("refuses a row outside a closed talk, and a talk spanning more than 50 years", () => {
    const doc = seed();
    doc.talk.lastDay = "2006-02-08";
    doc.statements[0]!.saidOn = "2106-01-01";
    expect(problems(doc)).toEqual(["statements[0].saidOn: 2106-01-01 is outside the talk (4–8 February 2006)"]);

    doc.talk.lastDay = "2106-01-01";
    expect(problems(doc)).toEqual([
      "talk.lastDay: must be at most 50 years after the first day (2056-02-04 at the latest)",
      "statements[0].saidOn: 2106-01-01 is outside the talk (from 4 February 2006): a talk spans at most 50 years, so its days run to 4 February 2056 at most",
    ]);
  });
});
