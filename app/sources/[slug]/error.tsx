"use client";

import { RouteError } from "@/components/route-error";

export default function SourceError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This source could not be shown" detail="Something went wrong while reading what cites it. Nothing was changed." reset={reset} />;
}
