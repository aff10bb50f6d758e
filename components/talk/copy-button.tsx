"use client";
// Copies the text of a field to the clipboard, and says so where a screen reader hears it. Shown
// only once the page's script runs (without it the field's text is there to select by hand).
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function CopyButton({ target, label }: { target: string; label: string }) {
  // False on the server and until hydration; then whether this browser lets a page copy.
  const ready = useSyncExternalStore(noSubscription, () => Boolean(navigator.clipboard), () => false);
  const [said, setSaid] = useState("");
  if (!ready) return null;
  const copy = async () => {
    const field = document.getElementById(target) as HTMLTextAreaElement | null;
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
      setSaid("Copied.");
    } catch {
      field.select();
      setSaid("Copying was not allowed here: the code is selected, copy it with the keyboard.");
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {label}
      </button>{" "}
      <span role="status" className="muted small">
        {said}
      </span>
    </>
  );
}
