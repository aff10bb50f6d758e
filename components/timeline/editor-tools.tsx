"use client";

import { lazy, Suspense } from "react";

// Readers' pages carry only this loader: the editors' code is fetched when an editor's page renders it.
const InlineAdd = lazy(() => import("./inline-add"));

/** What an editor's timeline adds to a reader's: adding statements in place. Rendered for editors only. */
export function EditorTools() {
  return (
    <Suspense fallback={null}>
      <InlineAdd />
    </Suspense>
  );
}
