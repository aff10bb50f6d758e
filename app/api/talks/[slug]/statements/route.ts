import { getDb } from "@/lib/db";
import { actorOf, attempt } from "@/lib/actions/edit-support";
import { editorInputRoute } from "@/lib/actions/safe-action";
import { StatementInput } from "@/lib/entities/statement";
import { createStatement } from "@/lib/mutations/statements";

// POST /api/talks/<slug>/statements: adds a statement to the talk, from the fields of the
// statement form (as JSON, or as a form), checked as the form's Server Action checks them.
// Answers 201 with { ok: true, message, data: { id, day, sources } }, or 4xx with { ok: false, message,
// fieldErrors?, values? }. The timeline's in-place form saves through here: a route answers in a
// fraction of a Server Action's cost, which renders through the page's machinery
// (docs/decisions/013-write-throughput.md). A repeated `saveKey` answers the statement it made.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const POST = editorInputRoute<typeof StatementInput, Context, { id: string; day: string | null; sources: string[] }>(
  StatementInput,
  async (input, user) => {
    const { id, day, sources } = await attempt(async () => createStatement(await getDb(), input, actorOf(user)));
    return { ok: true, message: "Statement added.", data: { id, day, sources } };
  },
  { fill: async ({ params }) => ({ talk: (await params).slug }), okStatus: 201 },
);
