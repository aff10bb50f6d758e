"use client";

import { RouteError } from "@/components/route-error";

export default function LoginError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="Signing in is not working right now" detail="Something went wrong on our side. You are not signed in." reset={reset} />;
}
