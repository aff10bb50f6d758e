"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { FormValues } from "@/lib/actions/safe-action";
import type { StatementFormOptions } from "@/lib/data/form-options";
import { nextStatementValues, StatementForm, type AddedStatement } from "./statement-form";

/** A fresh save key (a v4 UUID) in the browser; randomUUID only exists on secure pages (https, localhost). */
function newSaveKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Loaded = { options: StatementFormOptions; initial: FormValues; label: string | null };
type Load = { state: "loading" } | { state: "ready"; form: Loaded } | { state: "failed"; message: string };

/**
 * The statement form, opened in place on the timeline (components/timeline/add-statement-here.tsx,
 * which loads this module only when an editor opens it). It asks the server for the talk's
 * choices and the values the day or session starts with, then is the same form as the full page,
 * saving through the statements route (app/api/talks/[slug]/statements). Escape or Cancel closes it.
 * After a save it stays open with a fresh form for the next statement, focused, keeping the day,
 * session, issues and sources (issue 12: a day's statements are typed one after another).
 */
export default function InlineStatementForm({
  talk,
  day,
  session,
  sessionTitle,
  fullFormHref,
  onAdded,
  onCancel,
}: {
  talk: string;
  day: string;
  session?: string;
  sessionTitle?: string;
  fullFormHref: string;
  onAdded: (added: AddedStatement, where: string) => void;
  onCancel: () => void;
}) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const headingId = useId();
  const idPrefix = `add${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const panel = useRef<HTMLElement>(null);
  // Each save starts the next statement: a new form (its own save key) with the kept defaults.
  const [next, setNext] = useState<{ round: number; initial: FormValues | null }>({ round: 0, initial: null });
  const [freshChoices, setFreshChoices] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({ day, ...(session ? { session } : {}) });
    fetch(`/talks/${encodeURIComponent(talk)}/statements/form?${query}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as (Loaded & { message?: string }) | null;
        if (!response.ok || !body?.options) throw new Error(body?.message ?? `The server answered ${response.status}.`);
        setLoad({ state: "ready", form: body });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({ state: "failed", message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [talk, day, session, freshChoices]);

  // The first field takes the focus once the form is there, and again for the next statement.
  useEffect(() => {
    if (load.state === "ready") panel.current?.querySelector<HTMLElement>("select, input:not([type=hidden]), textarea")?.focus();
  }, [load.state, next.round]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      onCancel();
    }
  };

  if (load.state === "loading") return <p className="muted small">Loading the form…</p>;
  if (load.state === "failed") {
    return (
      <p role="alert" className="small">
        The form could not be opened here: {load.message} <a href={fullFormHref}>Open it on its own page.</a>{" "}
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Close
        </button>
      </p>
    );
  }
  const { options, initial, label } = load.form;
  const where = label ?? options.talk.title;
  return (
    <section ref={panel} aria-labelledby={headingId} onKeyDown={onKeyDown} className="inline-edit__panel">
      <h3 id={headingId} className="inline-edit__heading">
        {sessionTitle ? `Add a statement in the session “${sessionTitle}”, ${where}` : `Add a statement to ${where}`}
      </h3>
      {next.round > 0 ? (
        <p className="muted small">Next statement: the day, session, issues and sources are kept. Ctrl+Enter saves; Escape closes.</p>
      ) : null}
      <StatementForm
        key={next.round}
        mode="create"
        options={options}
        initial={next.initial ?? initial}
        idPrefix={`${idPrefix}r${next.round}`}
        inline={{
          onAdded: (added, values) => {
            onAdded(added, where);
            const kept = nextStatementValues({ ...values, ...(added.sources ? { sources: added.sources } : {}) }, { ...initial, saveKey: newSaveKey() });
            // A source typed into the form is a choice now: the form's choices are read again.
            if (added.sources?.some((id) => !options.sources.some((o) => o.value === id))) setFreshChoices((n) => n + 1);
            setNext((n) => ({ round: n.round + 1, initial: kept }));
          },
          onCancel,
        }}
      />
    </section>
  );
}
