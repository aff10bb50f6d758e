"use client";

import { RouteError } from "@/components/route-error";

export default function TalkError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This talk could not be shown" detail="Something went wrong while reading it. Nothing was changed." reset={reset} />;
}
