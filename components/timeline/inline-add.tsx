"use client";

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { AddedStatement } from "@/components/editing/statement-form";
import * as statementActions from "@/lib/actions/statements";
import { SAVED_IN_PLACE_EVENT, type DayChangedDetail } from "./day-events";

// The form's code (and zod's, through the shared input schema) loads only when an editor opens it.
const InlineStatementForm = lazy(() => import("@/components/editing/inline-statement-form"));

/** How long the new statement may take to show (the page refreshes, a later window reloads) before we stop waiting. */
const SHOW_WAIT_MS = 10_000;

type Target = {
  link: HTMLAnchorElement;
  /** Where the form opens and where "Statement added…" is said: beside the link, in its group of links. */
  panel: HTMLElement;
  status: HTMLElement;
  open: boolean;
  done: string;
  /** The statement just added, which Undo deletes again (as its first version). */
  added: (AddedStatement & { talk: string }) | null;
};

/** A click on an "Add statement" link, as editor-tools.tsx hands it over; `seq` tells two clicks apart. */
export type AddClick = { link: HTMLAnchorElement; seq: number };

/**
 * "Add statement" on the timeline's days and sessions (edit-links.tsx renders plain links to the
 * full form). In editors' pages only, for every link of the page: a click without a modifier key
 * (editor-tools.tsx listens) opens the same form right under the link, prefilled with the day and
 * session; once saved it says so, with Undo, marks the new statement when it shows, and offers a
 * fresh form for the next one (inline-statement-form.tsx). A second click on the same link closes it.
 */
export default function InlineAdd({ clicked }: { clicked: AddClick }) {
  const [target, setTarget] = useState<Target | null>(null);
  // The same, for the handlers (which change the page's links, so not inside a state update).
  const current = useRef<Target | null>(null);
  const update = (next: Target | null) => {
    current.current = next;
    setTarget(next);
  };

  // Each click once, even where React runs an effect twice (development's Strict Mode).
  const handled = useRef(0);
  useEffect(() => {
    if (handled.current === clicked.seq) return;
    handled.current = clicked.seq;
    const { link } = clicked;
    const was = current.current;
    if (was?.link === link && was.panel.isConnected) {
      link.setAttribute("aria-expanded", String(!was.open));
      update({ ...was, open: !was.open, done: "", added: null });
      return;
    }
    was?.link.setAttribute("aria-expanded", "false");
    was?.panel.remove();
    was?.status.remove();
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "edit-links__done";
    const panel = document.createElement("div");
    panel.className = "inline-edit";
    panel.id = `inline-add-${clicked.seq}`;
    link.after(status, panel);
    link.setAttribute("aria-controls", panel.id);
    link.setAttribute("aria-expanded", "true");
    update({ link, panel, status, open: true, done: "", added: null });
  }, [clicked]);

  const close = useCallback(() => {
    const t = current.current;
    if (!t) return;
    t.link.setAttribute("aria-expanded", "false");
    t.link.focus();
    update({ ...t, open: false });
  }, []);

  const onAdded = useCallback((added: AddedStatement, where: string) => {
    const t = current.current;
    if (t) {
      // The form stays open for the next statement and keeps the focus; the new one is marked.
      showWhenThere(`statement-${added.id}`, () => false);
      update({ ...t, done: `Statement added to ${where}.`, added: { ...added, talk: t.link.dataset.addStatement ?? "" } });
    }
    dayChanged(added.day);
  }, []);

  const [undoing, setUndoing] = useState(false);
  /** Undo, in place: the statement just added is deleted (a revision, like any deletion). */
  const undo = useCallback(async () => {
    const t = current.current;
    if (!t?.added) return;
    const { talk, id, day } = t.added;
    setUndoing(true);
    try {
      const result = await statementActions.remove(null, { talk, id, version: "1" });
      update({ ...t, added: null, done: result.ok ? "Undone: the statement was removed." : `Not undone: ${result.message}` });
      if (result.ok) dayChanged(day);
    } catch {
      update({ ...t, done: "Not undone: Parley did not answer. Try again in a moment." });
    } finally {
      setUndoing(false);
    }
  }, []);

  if (!target || !target.link.isConnected) return null;
  const { link } = target;
  return (
    <>
      {createPortal(
        <>
          {target.done}
          {target.added ? (
            <>
              {" "}
              <button type="button" className="button button--quiet edit-links__undo" onClick={() => void undo()} disabled={undoing}>
                {undoing ? "Undoing…" : "Undo"}
              </button>
            </>
          ) : null}
        </>,
        target.status,
      )}
      {target.open &&
        createPortal(
          <Suspense fallback={<p className="muted small">Loading the form…</p>}>
            <InlineStatementForm
              talk={link.dataset.addStatement ?? ""}
              day={link.dataset.day ?? "unknown"}
              session={link.dataset.session || undefined}
              sessionTitle={link.dataset.sessionTitle || undefined}
              fullFormHref={link.getAttribute("href") ?? ""}
              onAdded={onAdded}
              onCancel={close}
            />
          </Suspense>,
          target.panel,
        )}
    </>
  );
}

/**
 * The page's live updates refresh it (coalesced with the change its stream reports for this same
 * save), and a later window of a long talk, loaded by the browser, loads again.
 */
function dayChanged(day: string | null) {
  const detail: DayChangedDetail = { days: [day ?? "unknown"] };
  window.dispatchEvent(new CustomEvent(SAVED_IN_PLACE_EVENT, { detail }));
}

/**
 * Marks the element with `id` and, if `mayMove()` still says so, scrolls to it and focuses it,
 * once it is in the page: the refresh that brings it may land a moment after the save answers.
 * Gives up after SHOW_WAIT_MS (a filter may hide it).
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
