"use client";

import { RouteError } from "@/components/route-error";

export default function SearchError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This search could not be done" detail="Something went wrong while searching. Nothing was changed." reset={reset} />;
}
