import { describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "./client-address";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddress: whose sign-in budget an attempt spends", () => {
  it("with no trusted proxy, is the socket's address from server.mjs, whatever X-Forwarded-For claims", () => {
    const spoofed = headers({ "x-forwarded-for": "10.9.8.7", [SOCKET_ADDRESS_HEADER]: "203.0.113.5" });
    expect(clientAddress(spoofed, { trustedProxy: false, socketHeaderIsOurs: true })).toBe("203.0.113.5");
    const other = headers({ "x-forwarded-for": "10.1.1.1, 10.2.2.2", [SOCKET_ADDRESS_HEADER]: "203.0.113.5" });
    expect(clientAddress(other, { trustedProxy: false, socketHeaderIsOurs: true })).toBe("203.0.113.5");
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry (the one the proxy added), not the client's own", () => {
    const appended = headers({ "x-forwarded-for": "10.9.8.7, 198.51.100.20", [SOCKET_ADDRESS_HEADER]: "127.0.0.1" });
    expect(clientAddress(appended, { trustedProxy: true, socketHeaderIsOurs: true })).toBe("198.51.100.20");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.20" }), { trustedProxy: true })).toBe("198.51.100.20");
  });

  it("does not believe a client's own x-parley-client-ip when server.mjs did not set it (next dev, bare next start)", () => {
    const forged = headers({ "x-forwarded-for": "127.0.0.1", [SOCKET_ADDRESS_HEADER]: "10.9.8.7" });
    expect(clientAddress(forged, { trustedProxy: false, socketHeaderIsOurs: false })).toBe("127.0.0.1");
  });

  it("is unknown when no header says", () => {
    expect(clientAddress(headers({}), { trustedProxy: true })).toBeUndefined();
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), { trustedProxy: false, socketHeaderIsOurs: false })).toBeUndefined();
    expect(clientAddress(headers({}), { trustedProxy: false, socketHeaderIsOurs: true })).toBeUndefined();
  });
});
