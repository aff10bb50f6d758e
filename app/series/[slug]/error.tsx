"use client";

import { RouteError } from "@/components/route-error";

export default function SeriesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This series could not be shown" detail="Something went wrong while reading its rounds. Nothing was changed." reset={reset} />;
}
