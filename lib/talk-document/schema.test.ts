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
    expect(problems(doc)).toContainEqual(expect.stringMatching(/saidPrecision: It has a day or a time, but its time is marked “Day not known”/));
  });

  it("compares a session's start and end as instants, and refuses one of 24 hours or more", () => {
    const doc = seed();
    const opening = doc.sessions.find((x) => x.localDay === "2006-02-04")!;
    // 23:30 to 01:15 Beijing time, written with two offsets: fine.
    opening.startsAt = "2006-02-04T23:30:00+08:00";
    opening.endsAt = "2006-02-04T17:15:00Z";
    expect(problems(doc)).toEqual([]);
    opening.endsAt = "2006-02-05T23:30:00+08:00";
    expect(problems(doc)).toEqual([expect.stringMatching(/^sessions\[\d\]\.endsAt: It ends 24 hours or more after it starts/)]);
    opening.endsAt = "2006-02-04T15:00:00Z";
    expect(problems(doc)).toEqual(["sessions[0].endsAt: It ends (23:00 on Saturday 4 February 2006) before it starts."]);
  });

  it("refuses a session whose start falls on another day than its own at the venue", () => {
    const doc = seed();
    const opening = doc.sessions.find((x) => x.localDay === "2006-02-04")!;
    // 16:30 UTC is 00:30 on Sunday in Beijing: the loader used to keep the day and move the time.
    opening.startsAt = "2006-02-04T16:30:00Z";
    expect(problems(doc)).toEqual(["sessions[0].startsAt: It starts at 00:30 on Sunday 5 February 2006 at the venue, not on its own day, Saturday 4 February 2006."]);
  });

  it("refuses a statement whose time falls on another day, and a day-only statement that carries a time", () => {
    const doc = seed();
    const s = doc.statements.find((x) => x.saidPrecision === "day")!;
    s.saidAt = "2006-02-07T02:00:00Z";
    expect(problems(doc)).toEqual([
      expect.stringMatching(/^statements\[\d+\]\.saidAt: It carries a time, 10:00 on Tuesday 7 February 2006, but its time is marked “Day only”: mark it as known to the minute, or leave the time out\.$/),
    ]);
    s.saidPrecision = "minute";
    expect(problems(doc)).toEqual([]);
    s.saidAt = "2006-02-07T17:00:00Z"; // 01:00 on Wednesday in Beijing
    expect(problems(doc)).toEqual([
      expect.stringMatching(/^statements\[\d+\]\.saidAt: Its time is 01:00 on Wednesday 8 February 2006 at the venue, not on its own day, Tuesday 7 February 2006\.$/),
    ]);
    s.saidPrecision = "day";
    s.saidAt = null;
    s.partOfDay = "morning";
    expect(problems(doc)).toEqual([expect.stringMatching(/partOfDay: It names a part of the day \(morning\), but its time is marked “Day only”\.$/)]);
  });

  it("refuses a statement said in a session on a day the session did not cover, and accepts one at a time outside it (an editor's confirmed warning)", () => {
    const doc = seed();
    const opening = doc.sessions.find((x) => x.localDay === "2006-02-04")!;
    opening.startsAt = "2006-02-04T15:00:00Z"; // 23:00 Saturday, Beijing
    opening.endsAt = "2006-02-04T16:30:00Z"; // 00:30 Sunday
    const s = doc.statements.find((x) => x.saidPrecision === "day")!;
    s.session = opening.ref;
    expect(problems(doc)).toEqual([
      expect.stringMatching(/saidOn: It was said on Tuesday 7 February 2006, but its session, “.+”, was held from Saturday 4 February 2006 to Sunday 5 February 2006: correct the day, or choose another session\.$/),
    ]);
    s.saidOn = "2006-02-05";
    s.saidPrecision = "minute";
    s.saidAt = "2006-02-04T16:15:00Z"; // 00:15 Sunday, within the session
    expect(problems(doc)).toEqual([]);
    s.saidOn = "2006-02-04";
    s.saidAt = "2006-02-04T14:00:00Z"; // 22:00 Saturday, before it began: saved by a form only when confirmed
    expect(problems(doc)).toEqual([]);
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
