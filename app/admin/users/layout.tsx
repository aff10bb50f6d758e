import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { canAdmin, getCurrentUser } from "@/lib/auth/permissions";
import { loginPath } from "@/lib/auth/redirect-target";

// The check sits in the layout, above the segment's loading.tsx boundary, so that it decides
// before anything streams: a real redirect for visitors, a real 403 for non-admins. The page's
// data read (listUsers) checks again, and every action on the page checks inside itself.
export default async function AdminUsersLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath("/admin/users"));
  if (!canAdmin(user)) forbidden();
  return children;
}
