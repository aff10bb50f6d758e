"use client";

import { RouteError } from "@/components/route-error";

export default function ApiDocsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The API documentation could not be shown" detail="Something went wrong on our side. The API itself is described at /api/v1/openapi.json." reset={reset} />;
}
