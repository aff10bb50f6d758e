"use client";

import { RouteError } from "@/components/route-error";

export default function EnvoyError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This envoy could not be shown" detail="Something went wrong while reading their statements. Nothing was changed." reset={reset} />;
}
