// Runs in the browser before the app's own code (Next.js's instrumentation-client).
//
// zod 4, the first time a module builds an object schema, probes whether it may compile parsers
// with `new Function`. Our Content-Security-Policy has no 'unsafe-eval', so the browser refuses,
// and reports the refusal as a CSP violation even though zod catches it (the editing forms load
// their schemas). Its `jitless` setting skips the probe; the forms' schemas are small enough for
// the interpreter. zod keeps its settings on globalThis.__zod_globalConfig (zod/v4/core/core.js,
// zod pinned at 4.6.7), so this sets it without shipping zod to pages that have no form.
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
