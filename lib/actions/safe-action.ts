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
import { getEnv } from "../env";
import { trustedOrigins } from "../auth/auth";
import { getCurrentUser } from "../auth/permissions";
import { PermissionError, checkRole, type CurrentUser, type Role } from "../auth/roles";

export type { FieldErrors, FormValues } from "../entities/types";

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

/** FormData as a plain object: repeated names and names ending in [] become arrays; React's own fields are dropped. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key);
    if (key.endsWith("[]")) entries.push([key.slice(0, -2), all]);
    else entries.push([key, all.length === 1 ? all[0] : all]);
  }
  // fromEntries defines own properties: a field named "__proto__" stays a field. (Assigned, it
  // set the object's prototype, and a file sent under that name made parsing throw: a 500.)
  return Object.fromEntries(entries);
}

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

  return {
    /** A Server Action for editors and admins: `export const createStatement = editorAction(StatementInput, async (input, user) => …)`. */
    editorAction: roleAction("editor"),
    /** A Server Action for admins only. */
    adminAction: roleAction("admin"),
    /** A POST/PUT/PATCH/DELETE route handler for editors and admins: `export const POST = withEditor(async (request, context, user) => …)`. */
    withEditor: roleRoute("editor"),
    /** A write route handler for admins only. */
    withAdmin: roleRoute("admin"),
  };
}

export const { editorAction, adminAction, withEditor, withAdmin } = createActionWrappers({
  loadUser: () => getCurrentUser(),
  trustedOrigins: () => trustedOrigins(getEnv().auth.baseUrl),
});
