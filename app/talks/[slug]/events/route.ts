import { talkEventsResponse } from "@/lib/live/stream";

// Live updates of one talk, as server-sent events (components/talk/live-updates.tsx listens).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return talkEventsResponse(request, (await params).slug);
}
