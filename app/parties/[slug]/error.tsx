"use client";

import { RouteError } from "@/components/route-error";

export default function PartyError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This party could not be shown" detail="Something went wrong while reading its talks and statements. Nothing was changed." reset={reset} />;
}
