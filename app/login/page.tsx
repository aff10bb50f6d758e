import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/redirect-target";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === "string" ? next : undefined);
  if (await getCurrentUser()) redirect(target);
  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      <p className="muted">Accounts are made by Parley&rsquo;s admins; there is no sign-up.</p>
      <LoginForm next={target} />
    </div>
  );
}
