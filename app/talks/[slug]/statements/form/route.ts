import { getTalkFormOptions, newStatementStart } from "@/lib/data/form-options";
import { PermissionError, requireEditor } from "@/lib/auth/permissions";

// What the inline "Add statement" form on the timeline needs (components/editing/
// inline-statement-form.tsx): the talk's choices and the starting values for a day or session.
// Editors only; the form's save goes through the same checked Server Action as the full page.
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  try {
    await requireEditor();
  } catch (error) {
    if (error instanceof PermissionError) return Response.json({ message: error.message }, { status: error.status, headers: NO_STORE });
    throw error;
  }
  const options = await getTalkFormOptions((await params).slug);
  if (!options) return Response.json({ message: "There is no such talk." }, { status: 404, headers: NO_STORE });
  const query = new URL(request.url).searchParams;
  const { label, initial } = newStatementStart(options, query.get("day") ?? undefined, query.get("session") ?? undefined);
  return Response.json({ options, initial, label }, { headers: NO_STORE });
}
