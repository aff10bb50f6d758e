// The one wrapper every write goes through (house style: saas-starter's validatedActionWithUser).
// A Server Action is a public POST endpoint, so the check lives here, inside the action:
//
//   1. who is asking — refused (with a sentence) before the input is even looked at;
//   2. the input — FormData or a plain object, checked by the zod schema the form also uses;
//      on failure: a message per field, and the non-secret values the user typed, so the form
//      can put them back (React 19 resets uncontrolled fields after an action);
//   3. only then the handler, with the parsed input and the user.
//
// Route handlers that write use withEditor/withAdmin, which also check the Origin header against
// the host: Next.js does that for Server Actions, not for routes.
import "server-only";
import type { z } from "zod";
import type { FieldErrors, FormValues } from "../entities/types";
import { formDataToObject } from "../forms/form-data";
import { getEnv } from "../env";
import { trustedOrigins } from "../auth/auth";
import { getCurrentUser } from "../auth/permissions";
import { PermissionError, checkRole, type CurrentUser, type Role } from "../auth/roles";

export type { FieldErrors, FormValues } from "../entities/types";
export { formDataToObject } from "../forms/form-data";

/**
 * What every action returns, and what `useActionState` hands the form:
 * `null` before the first submit, then `{ ok: true, … }` or `{ ok: false, message, … }`.
 */
export type ActionState<TData = undefined> =
  | { ok: true; message?: string; data?: TData }
  | { ok: false; message: string; fieldErrors?: FieldErrors; values?: FormValues };

export type ActionInput = FormData | Record<string, unknown>;

/** The shape `useActionState(action, null)` expects. */
export type ServerAction<TData = undefined> = (
  previous: ActionState<TData> | null | undefined,
  input: ActionInput,
) => Promise<ActionState<TData>>;

export type ActionHandler<S extends z.ZodType, TData> = (input: z.output<S>, user: CurrentUser) => Promise<ActionState<TData>>;

/**
 * A refusal a handler raises after the checks (a conflict, a rule such as "not the last admin"):
 * becomes `{ ok: false, message, fieldErrors }` for actions and a JSON answer with `status` for routes.
 */
export class ActionError extends Error {
  override name = "ActionError";
  constructor(
    message: string,
    readonly options: { fieldErrors?: FieldErrors; status?: number } = {},
  ) {
    super(message);
  }
}

export const INVALID_INPUT_MESSAGE = "Some fields need attention; nothing was saved.";
export const CROSS_SITE_MESSAGE = "This request did not come from Parley's own pages, so it was refused.";

const SECRET_FIELD = /password|secret|token/i;

function toPlainInput(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) return formDataToObject(input);
  if (input && typeof input === "object" && !Array.isArray(input)) return input as Record<string, unknown>;
  return {};
}

/** The submitted text values worth showing again; secrets and files are left out. */
export function keptValues(raw: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SECRET_FIELD.test(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) values[key] = value;
  }
  return values;
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * The Origin of a write must be this server's own (as the Host header names it) or a trusted
 * origin. A browser always sends Origin on a cross-site POST, so a missing one is accepted only
 * when Sec-Fetch-Site vouches that the request is same-origin.
 */
export function isSameOriginRequest(request: Request, trusted: readonly string[]): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return request.headers.get("sec-fetch-site") === "same-origin";
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (trusted.includes(originUrl.origin)) return true;
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]?.trim();
  return !!host && originUrl.host === host.toLowerCase();
}

export const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

export type UserLoader = () => Promise<CurrentUser | null>;

export type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;
export type AuthorizedRouteHandler<C> = (request: Request, context: C, user: CurrentUser) => Promise<Response>;

/** The largest write route body, as next.config.js's ACTION_BODY_LIMIT for Server Actions (a test checks they agree). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export const INPUT_TOO_LARGE_MESSAGE = `The request is larger than Parley accepts (${ACTION_BODY_LIMIT / 1024 / 1024} MB); nothing was saved.`;
export const UNREADABLE_INPUT_MESSAGE = "The request's body is not a JSON object of the form's fields, nor a form; nothing was saved.";

/**
 * A write route's input: a JSON object, or a form (multipart or URL-encoded), at most
 * ACTION_BODY_LIMIT bytes as for Server Actions; else the answer that refuses it.
 */
export async function readInput(request: Request): Promise<Record<string, unknown> | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) return json(413, { ok: false, message: INPUT_TOO_LARGE_MESSAGE });
  if (/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) {
    try {
      return formDataToObject(await request.formData());
    } catch {
      return json(400, { ok: false, message: UNREADABLE_INPUT_MESSAGE });
    }
  }
  if (!/^application\/json/i.test(type)) return json(415, { ok: false, message: UNREADABLE_INPUT_MESSAGE });
  const text = await readLimited(request);
  if (text === null) return json(413, { ok: false, message: INPUT_TOO_LARGE_MESSAGE });
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not JSON: refused below.
  }
  return json(400, { ok: false, message: UNREADABLE_INPUT_MESSAGE });
}

/** The body as text, or null once it passes the limit (a chunked body has no length to check first). */
async function readLimited(request: Request): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Builds the wrappers around a way of finding the current user. The app uses the exports below
 * (the user from the request's session cookie); tests pass their own loader.
 */
export function createActionWrappers(options: { loadUser: UserLoader; trustedOrigins?: () => readonly string[] }) {
  const { loadUser } = options;
  const trusted = options.trustedOrigins ?? (() => []);

  async function authorize(least: Role): Promise<CurrentUser | PermissionError> {
    try {
      return checkRole(await loadUser(), least);
    } catch (error) {
      if (error instanceof PermissionError) return error;
      throw error;
    }
  }

  function roleAction(least: Role) {
    return function action<S extends z.ZodType, TData = undefined>(
      schema: S,
      handler: ActionHandler<S, TData>,
    ): ServerAction<TData> {
      return async (_previous, input) => {
        const user = await authorize(least);
        if (user instanceof PermissionError) return { ok: false, message: user.message };

        const raw = toPlainInput(input);
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          return { ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error), values: keptValues(raw) };
        }
        try {
          return await handler(parsed.data, user);
        } catch (error) {
          if (error instanceof PermissionError) return { ok: false, message: error.message };
          if (error instanceof ActionError) {
            return { ok: false, message: error.message, fieldErrors: error.options.fieldErrors, values: keptValues(raw) };
          }
          throw error;
        }
      };
    };
  }

  function roleRoute(least: Role) {
    return function route<C>(handler: AuthorizedRouteHandler<C>): RouteHandler<C> {
      return async (request, context) => {
        if (!isSameOriginRequest(request, trusted())) return json(400, { ok: false, message: CROSS_SITE_MESSAGE });
        const user = await authorize(least);
        if (user instanceof PermissionError) return json(user.status, { ok: false, message: user.message });
        try {
          return await handler(request, context, user);
        } catch (error) {
          if (error instanceof PermissionError) return json(error.status, { ok: false, message: error.message });
          if (error instanceof ActionError) {
            return json(error.options.status ?? 400, { ok: false, message: error.message, fieldErrors: error.options.fieldErrors });
          }
          throw error;
        }
      };
    };
  }

  /**
   * A write route that takes a form's fields (as JSON, or as a form) and answers JSON in the shape
   * of a Server Action's state, with an HTTP status: the same checks in the same order as
   * roleAction (Origin, who, the schema), for the forms that save without leaving the page and
   * for scripts. `fill` sets fields the URL decides (the talk of /api/talks/<slug>/…).
   */
  function roleInputRoute(least: Role) {
    return function route<S extends z.ZodType, C, TData>(
      schema: S,
      handler: (input: z.output<S>, user: CurrentUser) => Promise<ActionState<TData>>,
      options: { fill?: (context: C) => Promise<Record<string, unknown>>; okStatus?: number } = {},
    ): RouteHandler<C> {
      return roleRoute(least)<C>(async (request, context, user) => {
        const read = await readInput(request);
        if (read instanceof Response) return read;
        const raw = { ...read, ...(options.fill ? await options.fill(context) : {}) };
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          return json(400, { ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error), values: keptValues(raw) });
        }
        try {
          const state = await handler(parsed.data, user);
          return json(state.ok ? (options.okStatus ?? 200) : 400, state);
        } catch (error) {
          if (error instanceof ActionError) {
            return json(error.options.status ?? 400, { ok: false, message: error.message, fieldErrors: error.options.fieldErrors, values: keptValues(raw) });
          }
          throw error;
        }
      });
    };
  }

  return {
    /** A Server Action for editors and admins: `export const createStatement = editorAction(StatementInput, async (input, user) => …)`. */
    editorAction: roleAction("editor"),
    /** A Server Action for admins only. */
    adminAction: roleAction("admin"),
    /** A POST/PUT/PATCH/DELETE route handler for editors and admins: `export const POST = withEditor(async (request, context, user) => …)`. */
    withEditor: roleRoute("editor"),
    /** A write route handler for admins only. */
    withAdmin: roleRoute("admin"),
    /** A write route for editors taking a form's fields: `export const POST = editorInputRoute(StatementInput, async (input, user) => …)`. */
    editorInputRoute: roleInputRoute("editor"),
  };
}

export const { editorAction, adminAction, withEditor, withAdmin, editorInputRoute } = createActionWrappers({
  loadUser: () => getCurrentUser(),
  trustedOrigins: () => trustedOrigins(getEnv().auth.baseUrl),
});
