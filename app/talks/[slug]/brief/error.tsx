"use client";

import { RouteError } from "@/components/route-error";

export default function BriefError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The brief could not be written" detail="Something went wrong while reading the talk. Nothing was changed." reset={reset} />;
}
