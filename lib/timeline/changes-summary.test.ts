import { describe, expect, it } from "vitest";
import { describeChanges, type ChangeCounts } from "./changes-summary";

const counts = (added: number, corrected: number, deleted: number): ChangeCounts => ({ added, corrected, deleted });
const none = counts(0, 0, 0);

describe("describeChanges", () => {
  it("splits the changes by kind, naming each kind once", () => {
    expect(describeChanges({ statements: counts(7, 3, 2), sessions: none, assessments: counts(2, 0, 0) }, true)).toEqual({
      total: 14,
      detail: "7 statements added, 3 corrected, 2 deleted; 2 gap assessments added",
    });
  });

  it("names sessions between statements and gap assessments, as the brief does", () => {
    expect(describeChanges({ statements: counts(9, 0, 0), sessions: counts(3, 0, 0), assessments: counts(1, 0, 0) }, false)).toEqual({
      total: 13,
      detail: "9 statements added; 3 sessions added; 1 gap assessment added",
    });
    expect(describeChanges({ statements: none, sessions: counts(0, 1, 2), assessments: none }, true)).toEqual({ total: 3, detail: "1 session corrected, 2 deleted" });
    expect(describeChanges({ statements: none, sessions: counts(0, 0, 2), assessments: none }, false)).toEqual({ total: 0, detail: "" });
  });

  it("leaves deleted rows out for readers, from the total too", () => {
    expect(describeChanges({ statements: counts(7, 3, 2), sessions: none, assessments: counts(0, 1, 4) }, false)).toEqual({
      total: 11,
      detail: "7 statements added, 3 corrected; 1 gap assessment corrected",
    });
  });

  it("names a kind by its first count, singular or plural, and leaves out the counts that are none", () => {
    expect(describeChanges({ statements: counts(0, 1, 0), sessions: none, assessments: counts(0, 0, 0) }, true)).toEqual({ total: 1, detail: "1 statement corrected" });
    expect(describeChanges({ statements: counts(0, 0, 0), sessions: none, assessments: counts(0, 0, 3) }, true)).toEqual({ total: 3, detail: "3 gap assessments deleted" });
    expect(describeChanges({ statements: counts(1, 0, 5), sessions: none, assessments: counts(0, 0, 0) }, true)).toEqual({ total: 6, detail: "1 statement added, 5 deleted" });
  });

  it("says nothing when nothing changed, or only deletions a reader is not shown", () => {
    expect(describeChanges({ statements: counts(0, 0, 0), sessions: none, assessments: counts(0, 0, 0) }, true)).toEqual({ total: 0, detail: "" });
    expect(describeChanges({ statements: counts(0, 0, 2), sessions: none, assessments: counts(0, 0, 1) }, false)).toEqual({ total: 0, detail: "" });
  });

  it("separates thousands", () => {
    expect(describeChanges({ statements: counts(1200, 0, 0), sessions: none, assessments: counts(0, 0, 0) }, false).detail).toBe("1,200 statements added");
  });
});
