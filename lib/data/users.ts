import "server-only";
import { requireAdmin } from "../auth/permissions";
import { getDb } from "../db";
import type { UserRole } from "../enums";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  disabledAt: Date | null;
  createdAt: Date;
};

/** Every account, for the admins' page. Admins only: other callers get a PermissionError. */
export async function listUsers(): Promise<UserListItem[]> {
  await requireAdmin();
  const db = await getDb();
  return db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true },
  });
}
