// Group commit (lib/write-gate.ts) with a stand-in for the database's batch transaction: what is
// queued together commits together, each caller gets its own results, and a refused member
// leaves the others committed and itself refused with its own error.
import { describe, expect, it } from "vitest";
import { groupCommits } from "./write-gate";

type Op = { name: string; fails?: boolean };

/** A batch transaction over named ops: all or nothing, like SQLite's. */
function fakeDatabase() {
  const committed: string[] = [];
  const transactions: string[][] = [];
  const commit = async (ops: unknown[]) => {
    await Promise.resolve();
    const names = (ops as Op[]).map((o) => o.name);
    transactions.push(names);
    const failing = (ops as Op[]).find((o) => o.fails);
    if (failing) throw new Error(`refused ${failing.name}`);
    committed.push(...names);
    return names.map((n) => `result of ${n}`);
  };
  return { commit, committed, transactions };
}

describe("group commit", () => {
  it("commits alone what comes alone", async () => {
    const db = fakeDatabase();
    const transaction = groupCommits(db.commit);
    expect(await transaction([{ name: "a1" }, { name: "a2" }])).toEqual(["result of a1", "result of a2"]);
    expect(db.transactions).toEqual([["a1", "a2"]]);
  });

  it("commits what queues up meanwhile together, in order, and hands each caller its own results", async () => {
    const db = fakeDatabase();
    const transaction = groupCommits(db.commit);
    const saves = ["a", "b", "c", "d"].map((s) => transaction([{ name: `${s}-row` }, { name: `${s}-revision` }]));
    const results = await Promise.all(saves);
    expect(results).toEqual(["a", "b", "c", "d"].map((s) => [`result of ${s}-row`, `result of ${s}-revision`]));
    // The first found the way clear; the three that came while it committed went in one.
    expect(db.transactions).toEqual([
      ["a-row", "a-revision"],
      ["b-row", "b-revision", "c-row", "c-revision", "d-row", "d-revision"],
    ]);
    expect(db.committed).toEqual(["a-row", "a-revision", "b-row", "b-revision", "c-row", "c-revision", "d-row", "d-revision"]);
  });

  it("when one member is refused, commits the others alone and refuses only it, with its own error", async () => {
    const db = fakeDatabase();
    const transaction = groupCommits(db.commit);
    const first = transaction([{ name: "a" }]);
    const saves = [transaction([{ name: "b" }]), transaction([{ name: "c", fails: true }]), transaction([{ name: "d" }])];
    const outcomes = await Promise.allSettled([first, ...saves]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error("refused c"));
    expect(db.committed).toEqual(["a", "b", "d"]);
    expect(db.transactions).toEqual([["a"], ["b", "c", "d"], ["b"], ["c"], ["d"]]);
  });

  it("keeps going after a refusal: later saves still commit", async () => {
    const db = fakeDatabase();
    const transaction = groupCommits(db.commit);
    await expect(transaction([{ name: "x", fails: true }])).rejects.toThrow("refused x");
    expect(await transaction([{ name: "y" }])).toEqual(["result of y"]);
  });
});
