"use client";

import { lazy, Suspense, useCallback, useId, useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { AddedStatement } from "@/components/editing/statement-form";
import { DAY_CHANGED_EVENT, type DayChangedDetail } from "./day-events";

// The form's code (and zod's, through the shared input schema) loads only when an editor opens it.
const InlineStatementForm = lazy(() => import("@/components/editing/inline-statement-form"));

/** How long the new statement may take to show (a deferred day loads itself again) before we stop waiting. */
const SHOW_WAIT_MS = 10_000;

/**
 * "Add statement" on a day or in a session of the timeline. Without JavaScript (or with a modifier
 * key) it is a link to the full form on its own page; otherwise it opens the same form right here,
 * prefilled with the day and session, and once saved closes it, announces the statement and moves
 * to it, leaving the editor where they were in the talk.
 */
export function AddStatementHere({
  href,
  talk,
  day,
  session,
  sessionTitle,
  children,
}: {
  /** The full form's page, prefilled the same way. */
  href: string;
  talk: string;
  /** "YYYY-MM-DD" or "unknown". */
  day: string;
  session?: string;
  sessionTitle?: string;
  /** The link's words, with the hidden part that says where (see edit-links.tsx). */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState("");
  const link = useRef<HTMLAnchorElement>(null);
  const panelId = useId();

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    setDone("");
    setOpen((o) => !o);
  };
  const close = useCallback(() => {
    setOpen(false);
    link.current?.focus();
  }, []);
  const onAdded = useCallback(
    (added: AddedStatement, where: string) => {
      setOpen(false);
      setDone(`Statement added to ${where}.`);
      // A day the page loaded by itself (a long talk's later day) loads again to show it.
      const detail: DayChangedDetail = { days: [added.day ?? "unknown"] };
      window.dispatchEvent(new CustomEvent(DAY_CHANGED_EVENT, { detail }));
      // Focus waits on the link (the form is gone) and moves to the statement when it shows,
      // unless the editor has gone elsewhere meanwhile.
      link.current?.focus();
      showWhenThere(`statement-${added.id}`, () => document.activeElement === link.current);
    },
    [],
  );

  return (
    <>
      <a ref={link} href={href} onClick={onClick} aria-expanded={open} aria-controls={open ? panelId : undefined}>
        {children}
      </a>
      <span role="status" className="edit-links__done">
        {done}
      </span>
      {open && (
        <div id={panelId} className="inline-edit">
          <Suspense fallback={<p className="muted small">Loading the form…</p>}>
            <InlineStatementForm talk={talk} day={day} session={session} sessionTitle={sessionTitle} fullFormHref={href} onAdded={onAdded} onCancel={close} />
          </Suspense>
        </div>
      )}
    </>
  );
}

/**
 * Marks the element with `id` and, if `mayMove()` still says so, scrolls to it and focuses it,
 * once it is in the page: the refresh that brings it may land a moment after the save answers,
 * and a later day of a long talk loads itself again first. Gives up after SHOW_WAIT_MS (a filter
 * may hide it).
 */
function showWhenThere(id: string, mayMove: () => boolean) {
  const show = (el: HTMLElement) => {
    el.classList.add("statement--added");
    if (!mayMove()) return;
    el.tabIndex = -1;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  };
  const found = document.getElementById(id);
  if (found) return show(found);
  const observer = new MutationObserver(() => {
    const el = document.getElementById(id);
    if (!el) return;
    observer.disconnect();
    window.clearTimeout(timer);
    show(el);
  });
  const timer = window.setTimeout(() => observer.disconnect(), SHOW_WAIT_MS);
  observer.observe(document.body, { childList: true, subtree: true });
}
