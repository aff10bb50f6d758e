// The text/event-stream wire format (HTML Living Standard, "Server-sent events"): fields are
// lines, a blank line ends a message, a line starting with ":" is a comment browsers ignore.

/** One message. `data` may span lines; each becomes its own `data:` line, as the format wants. */
export function sseMessage(message: { event?: string; id?: string; data: string }): string {
  let out = "";
  if (message.event) out += `event: ${oneLine(message.event)}\n`;
  if (message.id) out += `id: ${oneLine(message.id)}\n`;
  for (const line of message.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** A comment: keeps proxies and load balancers from closing a quiet connection. */
export function sseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

/** How long the browser should wait before reconnecting after the stream drops. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

// An id or event name with a line break would start a new field; ids may not contain NUL either.
function oneLine(text: string): string {
  return text.replace(/[\r\n\0]/g, " ");
}
