// The sign-in limit's client address (docs/decisions/004-auth.md, "Client address").
//
// Next.js gives Server Actions and route handlers no socket, only headers, and it fills
// X-Forwarded-For from the socket only when a request arrives without one — so with no proxy in
// front, a client that sends its own X-Forwarded-For chooses its own address. server.mjs (what
// `npm start` runs) therefore removes any incoming `x-parley-client-ip` and sets it from the
// socket, and marks the process so the app knows that header is its own.
//  - PARLEY_TRUSTED_PROXY=true: a reverse proxy sets or appends X-Forwarded-For; its last entry is
//    the address the proxy saw. Earlier entries are the client's say and are never read.
//  - otherwise: the socket's address from `x-parley-client-ip`, and X-Forwarded-For is ignored.
//    Under `next dev` or a bare `next start` (no server.mjs) there is no such header to trust; the
//    last X-Forwarded-For entry, as Next.js filled it, is the best there is.

/** Set by server.mjs from the socket; any copy a client sends is removed there first. */
export const SOCKET_ADDRESS_HEADER = "x-parley-client-ip";
/** server.mjs sets this on globalThis, so a client's header under a bare `next start` is not believed. */
export const SOCKET_ADDRESS_MARK = Symbol.for("parley.socketAddressHeader");

export function socketAddressHeaderIsOurs(): boolean {
  return (globalThis as Record<symbol, unknown>)[SOCKET_ADDRESS_MARK] === true;
}

function lastForwardedFor(headers: Headers): string | undefined {
  const last = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return last || undefined;
}

export function clientAddress(
  headers: Headers,
  { trustedProxy, socketHeaderIsOurs = socketAddressHeaderIsOurs() }: { trustedProxy: boolean; socketHeaderIsOurs?: boolean },
): string | undefined {
  if (trustedProxy) return lastForwardedFor(headers);
  if (socketHeaderIsOurs) return headers.get(SOCKET_ADDRESS_HEADER)?.trim() || undefined;
  return lastForwardedFor(headers);
}
