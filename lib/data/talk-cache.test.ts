import { beforeEach, describe, expect, it } from "vitest";
import { cachedTalkRead, clearTalkCache } from "./talk-cache";

describe("cachedTalkRead", () => {
  beforeEach(() => clearTalkCache());

  it("reads once per talk, stamp and key; readers arriving together share the read", async () => {
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    const [a, b] = await Promise.all([cachedTalkRead("t", "1.0", "index", read), cachedTalkRead("t", "1.0", "index", read)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    expect(await cachedTalkRead("t", "1.0", "other", read)).toBe(2);
    expect(await cachedTalkRead("u", "1.0", "index", read)).toBe(3);
  });

  it("reads again once the talk's stamp moves, and forgets what was kept under the old one", async () => {
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    await cachedTalkRead("t", "1.0", "index", read);
    expect(await cachedTalkRead("t", "2.0", "index", read)).toBe(2);
    // Back to the old stamp (a stale instance's read): kept values are not mixed across stamps.
    expect(await cachedTalkRead("t", "1.0", "index", read)).toBe(3);
  });

  it("does not keep a failed read", async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error("database busy"));
    };
    await expect(cachedTalkRead("t", "1.0", "index", failing)).rejects.toThrow("database busy");
    await expect(cachedTalkRead("t", "1.0", "index", failing)).rejects.toThrow("database busy");
    expect(calls).toBe(2);
  });

  it("keeps a bounded number of reads per talk, dropping the least recently used", async () => {
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    for (let i = 0; i < 200; i++) await cachedTalkRead("t", "1.0", `window ${i}`, read);
    expect(await cachedTalkRead("t", "1.0", "window 199", read)).toBe(200);
    expect(await cachedTalkRead("t", "1.0", "window 0", read)).toBe(201);
  });
});
