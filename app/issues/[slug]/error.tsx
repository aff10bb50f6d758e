"use client";

import { RouteError } from "@/components/route-error";

export default function IssueError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This issue could not be shown" detail="Something went wrong while reading the parties’ positions on it. Nothing was changed." reset={reset} />;
}
