"use client";

import { RouteError } from "@/components/route-error";

export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This page could not be shown" detail="Something went wrong while reading it. Nothing was changed." reset={reset} />;
}
