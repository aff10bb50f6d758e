import "server-only";
// Who may open the editing pages, and whether the current visitor sees edit links. The actions
// check again: a page's check only decides what it shows.
import { forbidden, redirect } from "next/navigation";
import { canEdit, getCurrentUser, type CurrentUser } from "../auth/permissions";
import { loginPath } from "../auth/redirect-target";

/**
 * The signed-in editor for an editing page; anyone else is sent to sign in (and back here) or
 * shown "Not allowed".
 */
export async function requireEditorPage(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath(path));
  if (!canEdit(user)) forbidden();
  return user;
}

/** Whether the current visitor may edit: decides whether edit links are rendered. */
export async function viewerCanEdit(): Promise<boolean> {
  return canEdit(await getCurrentUser());
}
