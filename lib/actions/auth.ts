"use server";
// Signing in and out. Public by nature (anyone may try to sign in), so these are the two Server
// Actions that do not go through editorAction/adminAction; e2e/write-permissions.spec.ts lists
// them by name as its only exceptions.
//
// Sign-in goes through better-auth's HTTP handler, where its hooks count the attempt per client
// address and per account before the password is checked (lib/auth/sign-in-limit.ts).
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getEnv } from "../env";
import { AUTH_BASE_PATH, getAuth } from "../auth/auth";
import { SOCKET_ADDRESS_HEADER } from "../auth/client-address";
import { safeNextPath } from "../auth/redirect-target";
import { tooManyAttemptsMessage } from "../auth/sign-in-limit";
import { SignInInput } from "../users/schema";
import { formDataToObject, type ActionState } from "./safe-action";

const BAD_CREDENTIALS_MESSAGE = "The email or password is incorrect.";

function pick(headers: Headers, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

export async function signIn(_previous: ActionState | null | undefined, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData instanceof FormData ? formData : new FormData());
  const email = typeof raw.email === "string" ? raw.email : "";
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    return { ok: false, message: "Enter your email and password.", fieldErrors, values: { email } };
  }

  const { auth: config } = getEnv();
  const incoming = await headers();
  const auth = await getAuth();
  const response = await auth.handler(
    new Request(`${config.baseUrl}${AUTH_BASE_PATH}/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // Next.js has already checked this action's Origin against the host.
        origin: config.baseUrl,
        "user-agent": incoming.get("user-agent") ?? "",
        // The headers the client address is read from, as they arrived (lib/auth/client-address.ts).
        ...pick(incoming, ["x-forwarded-for", SOCKET_ADDRESS_HEADER]),
      },
      body: JSON.stringify({ email: parsed.data.email, password: parsed.data.password, rememberMe: true }),
    }),
  );

  if (response.status === 429) {
    const seconds = Number(response.headers.get("x-retry-after")) || 60;
    return {
      ok: false,
      message: tooManyAttemptsMessage(seconds),
      values: { email: parsed.data.email },
    };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    const message = response.status === 403 && body?.message ? body.message : BAD_CREDENTIALS_MESSAGE;
    return { ok: false, message, values: { email: parsed.data.email } };
  }

  const jar = await cookies();
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) {
    for (const [name, cookie] of parseSetCookieHeader(setCookie)) jar.set(name, cookie.value, toCookieOptions(cookie));
  }
  redirect(safeNextPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  try {
    // Deletes the session row; the nextCookies plugin clears the cookie on this response.
    await auth.api.signOut({ headers: await headers() });
  } catch {
    // No session (already signed out or expired): nothing to end.
  }
  redirect("/");
}
