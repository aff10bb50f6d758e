// A form's submission as a plain object, the same on the server (Server Actions, write routes)
// and in the browser (a form saved through a write route sends this object as JSON).

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
