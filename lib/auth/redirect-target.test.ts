import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginPath, safeNextPath } from "./redirect-target";

/** Where a browser on https://parley.example.org goes when told to go to `target`. */
const landsOn = (target: string) => new URL(target, "https://parley.example.org/login").origin;
/** The path once dot segments are resolved, as the redirect's Location ends up carrying it. */
const normalizedPath = (target: string) => new URL(target, "https://parley.example.org/login").pathname;

describe("safeNextPath: where a visitor goes after signing in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNextPath("/talks/japan-dprk-beijing-2006")).toBe("/talks/japan-dprk-beijing-2006");
    expect(safeNextPath("/talks/x?party=jpn&issue=abductions#day-3")).toBe("/talks/x?party=jpn&issue=abductions#day-3");
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
  });

  it("normalizes dot segments that stay on the site", () => {
    expect(safeNextPath("/talks/../admin/users")).toBe("/admin/users");
    expect(safeNextPath("/./talks/x")).toBe("/talks/x");
  });

  // Each form the issue names, and their encoded and disguised variants: each resolves to a path
  // "//evil.example/…" (or "/\\…"), which a browser given it as a Location reads as another host.
  it.each([
    ["/..//evil.example/x"],
    ["/./..//evil.example/x"],
    ["/talks/../..//evil.example/x"],
    ["/talks/..//evil.example/x"],
    ["/%2e%2e//evil.example/x"],
    ["/%2E%2E//evil.example/x"],
    ["/.%2e//evil.example/x"],
    ["/talks/%2e%2e/%2e%2e//evil.example/x"],
    ["//evil.example/x"],
    ["/\\evil.example/x"],
    ["/\\/evil.example/x"],
    ["/..\\\\evil.example/x"],
    ["/..\\/evil.example/x"],
    ["/\t/evil.example/x"],
    ["/\n/evil.example/x"],
    ["/\r\n/evil.example"],
    ["/..//\tevil.example"],
    ["/\u0000/evil.example"],
  ])("refuses %j, which would leave the site", (target) => {
    expect(safeNextPath(target)).toBe("/");
  });

  it.each([
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["https://evil.example/x"],
    ["http:evil.example"],
    ["evil.example"],
    [" /talks/x"],
    [""],
  ])("refuses %j, which is not a path", (target) => {
    expect(safeNextPath(target)).toBe("/");
  });

  it("never sends the visitor back to the login page", () => {
    expect(safeNextPath("/login")).toBe("/");
    expect(safeNextPath("/login?next=/admin/users")).toBe("/");
    expect(safeNextPath("/./login")).toBe("/");
    expect(safeNextPath("/talks/../login")).toBe("/");
    expect(safeNextPath("/%2e/login")).toBe("/");
  });

  it("always answers a same-origin path that is its own answer, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `/${s}`), fc.webPath(), fc.webUrl()), (target) => {
        const safe = safeNextPath(target);
        expect(safe.startsWith("/")).toBe(true);
        expect(safe.startsWith("//") || safe.startsWith("/\\")).toBe(false);
        expect(landsOn(safe)).toBe("https://parley.example.org");
        expect(normalizedPath(safe).startsWith("//")).toBe(false);
        expect(safeNextPath(safe)).toBe(safe);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("loginPath", () => {
  it("carries a safe target and drops an unsafe one", () => {
    expect(loginPath("/admin/users")).toBe("/login?next=%2Fadmin%2Fusers");
    expect(loginPath("/..//evil.example/x")).toBe("/login");
  });
});
