import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, contentSecurityPolicyFor, createNonce, isHttpsRequest } from "./csp";

/** The policy as a map from directive to its values. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

const NONCE = "q2Xv4bO9Zk7yT1sWcR3nLg==";

describe("buildContentSecurityPolicy", () => {
  it("lets only scripts with this response's nonce run, and those they load, with no eval or inline script", () => {
    const csp = parse(buildContentSecurityPolicy({ nonce: NONCE }));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("closes plugins, base and form hijacking, framing, and connections elsewhere", () => {
    const csp = parse(buildContentSecurityPolicy({ nonce: NONCE }));
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    // <style> elements need the nonce too; only style attributes are allowed inline.
    expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("allows eval and inline styles under next dev only, and upgrades requests only over https", () => {
    const dev = parse(buildContentSecurityPolicy({ nonce: NONCE, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    expect(parse(buildContentSecurityPolicy({ nonce: NONCE })).has("upgrade-insecure-requests")).toBe(false);
    expect(parse(buildContentSecurityPolicy({ nonce: NONCE, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("refuses a nonce that could break out of the header or is too short to be secret", () => {
    expect(() => buildContentSecurityPolicy({ nonce: "abc" })).toThrow();
    expect(() => buildContentSecurityPolicy({ nonce: `${NONCE}'; script-src *` })).toThrow();
  });
});

describe("createNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });
});

describe("contentSecurityPolicyFor", () => {
  it("puts the policy with a fresh nonce on the request Next.js renders and on the response", () => {
    const request = { url: "http://127.0.0.1:3000/talks/x", headers: new Headers({ "content-security-policy": "script-src *", "x-nonce": "forged" }) };
    const first = contentSecurityPolicyFor(request);
    const second = contentSecurityPolicyFor(request);
    expect(first.nonce).not.toBe(second.nonce);
    // A client's own header is replaced, never trusted.
    expect(first.requestHeaders.get("content-security-policy")).toBe(first.policy);
    expect(first.requestHeaders.get("x-nonce")).toBe(first.nonce);
    expect(first.policy).toContain(`'nonce-${first.nonce}'`);
    const response = first.apply(new Response("ok"));
    expect(response.headers.get("content-security-policy")).toBe(first.policy);
  });

  it("knows https from the URL or from the proxy in front", () => {
    expect(isHttpsRequest({ url: "https://parley.example.org/", headers: new Headers() })).toBe(true);
    expect(isHttpsRequest({ url: "http://10.0.0.5:3000/", headers: new Headers({ "x-forwarded-proto": "https" }) })).toBe(true);
    expect(isHttpsRequest({ url: "http://127.0.0.1:3000/", headers: new Headers({ "x-forwarded-proto": "http" }) })).toBe(false);
  });
});
