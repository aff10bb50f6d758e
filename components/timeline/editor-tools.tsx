"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import type { AddClick } from "./inline-add";

// Readers' pages carry only this loader: the editors' code is fetched when an editor's page renders it.
const loadInlineAdd = () => import("./inline-add");
const InlineAdd = lazy(loadInlineAdd);

/**
 * What an editor's timeline adds to a reader's: adding statements in place. Rendered for editors
 * only. Its listener is here, in the page's own code, so a click made while the rest is still on
 * its way is kept and answered when it arrives, rather than lost.
 */
export function EditorTools() {
  const [clicked, setClicked] = useState<AddClick | null>(null);
  useEffect(() => {
    void loadInlineAdd();
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a[data-add-statement]");
      if (!link) return;
      event.preventDefault();
      setClicked((c) => ({ link, seq: (c?.seq ?? 0) + 1 }));
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  if (!clicked) return null;
  return (
    <Suspense fallback={null}>
      <InlineAdd clicked={clicked} />
    </Suspense>
  );
}
