// A request's query read through the endpoint's zod schema: each parameter at most once, no
// parameter the endpoint does not know (a misspelt filter would otherwise silently filter nothing),
// empty values as absent (as the talk page's filters treat them), and the first problem named by
// its parameter. Pure.
import type { z } from "zod";
import { ApiProblem } from "./errors";

export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const known = new Set(Object.keys(schema.shape));
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (!known.has(key)) {
      const allowed = [...known].join(", ");
      throw new ApiProblem(400, "unknown_parameter", `This address takes no parameter "${printable(key)}"${allowed ? `; it takes ${allowed}` : ""}.`, printable(key));
    }
    if (seen.has(key)) throw new ApiProblem(400, "bad_parameter", `Give ${key} once.`, key);
    seen.add(key);
    const value = raw.trim();
    if (value !== "") values.set(key, value);
  }
  const parsed = schema.safeParse(Object.fromEntries(values));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const parameter = String(issue.path[0] ?? "");
  throw new ApiProblem(400, "bad_parameter", issue.message, parameter);
}

/** A parameter's name as a message may quote it: at most 60 characters, no control characters. */
export function printable(key: string): string {
  const clean = key.replace(/[\u0000-\u001f\u007f-\u009f\uD800-\uDFFF]/g, "\uFFFD");
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}
