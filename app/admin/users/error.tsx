"use client";

import { RouteError } from "@/components/route-error";

export default function AdminUsersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The users could not be shown" detail="Something went wrong while reading the accounts. Nothing was changed." reset={reset} />;
}
