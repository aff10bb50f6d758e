"use client";
// The import page's form: a file is checked first (a dry run that writes nothing: what would be
// created and matched, and every problem with its line and column), then imported on request, all
// or nothing, with the server's progress in a <progress> bar. Both go to /import/events, which
// answers server-sent events (lib/imports/events.ts), read here with fetch and a stream reader.
import { useMemo, useRef, useState, type FormEvent } from "react";
import type { FieldErrors } from "@/lib/actions/safe-action";
import type { ImportProblem, ImportProgress, ImportResult } from "@/lib/imports/run";
import type { CatalogSummary, LoadSummary } from "@/lib/talk-document/load";
import { TALK_STATUS_LABEL } from "@/lib/labels";
import { SUMMARY_MAX, TalkStatusSchema, TITLE_MAX } from "@/lib/talk-document/schema";
import { venueZoneChoices } from "@/lib/time/zones";
import { Field, fieldId, type FormView, useReady } from "./form-kit";

const P = "import";
const TALK_FIELDS = ["title", "venueCity", "venueTimeZone", "firstDay", "lastDay", "status", "summary"] as const;
const PHASE_LABEL: Record<ImportProgress["phase"], string> = { reading: "Reading the file", checking: "Checking", writing: "Writing", done: "Done" };

type Run = { mode: "check" | "import"; progress: ImportProgress | null; result: ImportResult | null; failure: string | null; busy: boolean };

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const ready = useReady();
  const form = useRef<HTMLFormElement>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [needsTalk, setNeedsTalk] = useState<{ slug: string; firstDay: string | null; lastDay: string | null } | null>(null);
  const [talkErrors, setTalkErrors] = useState<FieldErrors>({});
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const zones = useMemo(() => venueZoneChoices(), []);

  const view: FormView = {
    value: () => "",
    list: () => [],
    errors: (name) => talkErrors[name],
    failed: Object.keys(talkErrors).length > 0,
    control(name, options = {}) {
      const id = fieldId(P, name);
      const bad = !!talkErrors[name]?.length;
      const describedBy = [options.hint ? `${id}-hint` : null, bad ? `${id}-error` : null].filter(Boolean).join(" ");
      return { id, name, "aria-invalid": bad ? true : undefined, "aria-describedby": describedBy || undefined };
    },
  };

  async function start(mode: "check" | "import") {
    const data = new FormData(form.current!);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setRun({ mode, progress: null, result: null, busy: false, failure: file instanceof File && file.name ? "The file is empty." : "Choose a file first." });
      return;
    }
    if (file.size > maxBytes) {
      setRun({ mode, progress: null, result: null, busy: false, failure: `The file is larger than Parley imports (${maxBytes / 1024 / 1024} MB); nothing was saved.` });
      return;
    }
    const talk = needsTalk ? Object.fromEntries(TALK_FIELDS.map((f) => [f, textOf(data.get(f))])) : null;
    setRun({ mode, progress: null, result: null, failure: null, busy: true });
    const update = (patch: Partial<Run>) => setRun((r) => ({ ...(r ?? { mode, progress: null, result: null, failure: null, busy: true }), ...patch }));
    try {
      const response = await fetch(`/import/events?mode=${mode}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", accept: "text/event-stream" },
        body: new Blob([JSON.stringify(talk), "\n", file]),
      });
      if (!response.ok || !response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
        const answer = (await response.json().catch(() => null)) as { message?: string } | null;
        update({ busy: false, failure: answer?.message ?? `Parley answered ${response.status}; nothing was saved.` });
        return;
      }
      await readEvents(response.body, (event, payload) => {
        if (event === "progress") update({ progress: payload as ImportProgress });
        else if (event === "failure") update({ failure: (payload as { message: string }).message });
        else if (event === "result") {
          const result = payload as ImportResult;
          update({ result });
          if (result.status === "needs-talk") setNeedsTalk({ slug: result.slug, firstDay: result.firstDay, lastDay: result.lastDay });
          setTalkErrors(result.status === "refused" ? (result.talkFields ?? {}) : {});
          setCheckedFile(result.status === "planned" ? file : null);
        }
      });
      update({ busy: false });
    } catch {
      update({ busy: false, failure: "The connection to Parley broke off. If it was during an import, reload the talk's page to see whether it was saved: an import is saved whole or not at all." });
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void start("check");
  }

  const result = run?.result ?? null;
  return (
    <form ref={form} className="edit-form import-form" noValidate onSubmit={onSubmit} {...ready}>
      <Field view={view} prefix={P} name="file" label="File (statements CSV or talk document JSON)" hint={`At most ${maxBytes / 1024 / 1024} MB.`}>
        <input
          type="file"
          {...view.control("file", { hint: true })}
          accept=".csv,.json,text/csv,application/json"
          onChange={() => {
            setRun(null);
            setCheckedFile(null);
            setNeedsTalk(null);
            setTalkErrors({});
          }}
        />
      </Field>

      {needsTalk ? (
        <fieldset className="edit-form__group">
          <legend>A new talk: its details</legend>
          <p className="field__hint">
            The file’s talk, <code>{needsTalk.slug}</code>, is not in Parley yet, and a CSV carries its statements but not the talk itself. Its days in the file:{" "}
            {needsTalk.firstDay ?? "none known"}
            {needsTalk.lastDay && needsTalk.lastDay !== needsTalk.firstDay ? ` to ${needsTalk.lastDay}` : ""}.
          </p>
          <Field view={view} prefix={P} name="title" label="Title">
            <input type="text" {...view.control("title")} maxLength={TITLE_MAX} />
          </Field>
          <div className="edit-form__row">
            <Field view={view} prefix={P} name="venueCity" label="Venue city">
              <input type="text" {...view.control("venueCity")} maxLength={TITLE_MAX} />
            </Field>
            <Field view={view} prefix={P} name="venueTimeZone" label="Venue time zone" hint="An IANA zone such as Asia/Shanghai.">
              <input type="text" list={`${P}-zones`} {...view.control("venueTimeZone", { hint: true })} autoComplete="off" />
            </Field>
            <datalist id={`${P}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <div className="edit-form__row">
            <Field view={view} prefix={P} name="firstDay" label="First day">
              <input type="date" {...view.control("firstDay")} defaultValue={needsTalk.firstDay ?? ""} />
            </Field>
            <Field view={view} prefix={P} name="lastDay" label="Last day" hint="Empty while the talk goes on.">
              <input type="date" {...view.control("lastDay", { hint: true })} />
            </Field>
            <Field view={view} prefix={P} name="status" label="Status">
              <select {...view.control("status")} defaultValue="ongoing">
                {TalkStatusSchema.options.map((s) => (
                  <option key={s} value={s}>
                    {TALK_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field view={view} prefix={P} name="summary" label="Summary">
            <textarea {...view.control("summary")} maxLength={SUMMARY_MAX} rows={3} />
          </Field>
        </fieldset>
      ) : null}

      <div className="form__actions">
        <button type="submit" className={result?.status === "planned" && checkedFile ? "button button--quiet" : "button"} disabled={run?.busy}>
          Check the file
        </button>
        {result?.status === "planned" && checkedFile ? (
          <button type="button" className="button" disabled={run?.busy} onClick={() => void start("import")}>
            Import {result.summary.statements} statement{result.summary.statements === 1 ? "" : "s"}
          </button>
        ) : null}
      </div>

      {/* While the server works, and after an import to show it reached the end; a finished check's bar would only be noise. */}
      {run && (run.busy || (run.mode === "import" && result?.status === "created")) ? <ProgressBar mode={run.mode} progress={run.progress} /> : null}
      <div role="status" aria-live="polite" className="import-outcome">
        {run?.failure ? <p className="form-summary form-summary--bad">{run.failure}</p> : null}
        {result ? <Outcome result={result} mode={run!.mode} /> : null}
      </div>
    </form>
  );
}

function ProgressBar({ mode, progress }: { mode: "check" | "import"; progress: ImportProgress | null }) {
  const label = progress ? `${PHASE_LABEL[progress.phase]}${progress.phase === "done" ? "" : progress.phase === "reading" ? ` (${Math.round((progress.done / Math.max(progress.total, 1)) * 100)} %)` : ` ${progress.done} of ${progress.total}`}` : "Sending the file";
  const value = progress?.phase === "done" ? 1 : progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className="import-progress">
      <label htmlFor={`${P}-progress`}>{mode === "import" ? "Import" : "Check"}: {label}</label>
      <progress id={`${P}-progress`} max={1} value={value} />
    </div>
  );
}

function Outcome({ result, mode }: { result: ImportResult; mode: "check" | "import" }) {
  switch (result.status) {
    case "refused":
      return (
        <div className="form-summary form-summary--bad">
          <p>
            {result.problems.length} problem{result.problems.length === 1 ? "" : "s"} in the file: nothing was saved.
          </p>
          <ProblemList problems={result.problems} />
        </div>
      );
    case "needs-talk":
      return (
        <p className="notice">
          The file holds {result.statements} statement{result.statements === 1 ? "" : "s"} of the talk “{result.slug}”, which is not in Parley yet. Fill in the talk’s details above and check again. Nothing was saved.
        </p>
      );
    case "exists":
      return (
        <p className="notice notice--ok">
          “{result.title}” is already loaded, nothing changed. <a href={`/talks/${result.slug}`}>Open the talk</a>
        </p>
      );
    case "planned":
      return (
        <div className="notice">
          <p>
            <strong>Dry run:</strong> nothing was saved yet.{" "}
            {result.added
              ? `Importing will add ${plural(result.summary.statements, "statement")} to “${result.summary.talk.title}”, all or nothing; ${plural(result.added.matched, "row")} of the file ${result.added.matched === 1 ? "is" : "are"} in it already and will be skipped.`
              : `Importing will create the talk “${result.summary.talk.title}” as below, all or nothing.`}
          </p>
          <SummaryTables summary={result.summary} />
        </div>
      );
    case "created":
      return (
        <div className="notice notice--ok">
          <p>
            {result.added
              ? `Added ${plural(result.summary.statements, "statement")} to “${result.summary.talk.title}”. `
              : `Imported “${result.summary.talk.title}”: ${plural(result.summary.statements, "statement")} and ${plural(result.summary.sessions, "session")}. `}
            <a href={`/talks/${result.summary.talk.slug}`}>Open the talk</a>
          </p>
          {mode === "import" ? null : <SummaryTables summary={result.summary} />}
        </div>
      );
  }
}

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  return (
    <ul className="import-problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.line ? <>Line {p.line}{p.column ? <>, column <code>{p.column}</code></> : null}: </> : p.path ? <><code>{p.path}</code>: </> : null}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

const KINDS: { key: "parties" | "envoys" | "issues" | "sources" | "series"; label: string }[] = [
  { key: "parties", label: "Parties" },
  { key: "envoys", label: "Envoys" },
  { key: "issues", label: "Issues" },
  { key: "sources", label: "Sources" },
  { key: "series", label: "Series" },
];

/** A document in no series has no series row: "—" three times would say nothing. */
const isEmpty = (c: CatalogSummary) => c.created.length + c.matched.length + c.renamed.length === 0;

function SummaryTables({ summary }: { summary: LoadSummary }) {
  const names = (c: CatalogSummary, which: keyof CatalogSummary) => (c[which].length ? `${c[which].length}: ${c[which].join(", ")}` : "—");
  return (
    <div className="import-summary">
      <div className="table-scroll">
        <table className="diff-table">
          <caption>Shared records, by slug or key</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">New</th>
              <th scope="col">Matched in Parley</th>
              <th scope="col">Renamed</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.filter(({ key }) => key !== "series" || !isEmpty(summary.series)).map(({ key, label }) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{names(summary[key], "created")}</td>
                <td>{names(summary[key], "matched")}</td>
                <td>{names(summary[key], "renamed")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="diff-table">
          <caption>
            {summary.sessions} session{summary.sessions === 1 ? "" : "s"}, {summary.statements} statement{summary.statements === 1 ? "" : "s"}
            {summary.assessments ? `, ${summary.assessments} assessments` : ""}
            {summary.linkages ? `, ${summary.linkages} linkages` : ""}, per day
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Sessions</th>
              <th scope="col">Statements</th>
            </tr>
          </thead>
          <tbody>
            {summary.statementsByDay.map((d) => (
              <tr key={d.day ?? "unknown"}>
                <th scope="row">{d.day ?? "Day not known"}</th>
                <td>{d.sessions}</td>
                <td>{d.statements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const textOf = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

/** Reads a text/event-stream body, calling `on` with each event's name and parsed data. */
async function readEvents(body: ReadableStream<Uint8Array>, on: (event: string, data: unknown) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data !== undefined) on(event, JSON.parse(data));
    }
  }
}
