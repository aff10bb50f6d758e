"use client";

/** Opens the browser's print dialog (which also saves as PDF). Shown only once scripts run. */
import { useEffect, useState } from "react";

export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
