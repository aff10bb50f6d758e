/**
 * Splits a statement's text around its exact quoted words so the UI can set them apart.
 * The quote marks that surround the words in the text are dropped (the UI draws its own);
 * a full stop or comma inside the closing mark is kept after the quote.
 */
export function splitQuote(text: string, quoted: string | null): { before: string; quote: string | null; after: string } {
  if (!quoted) return { before: text, quote: null, after: "" };
  const at = text.indexOf(quoted);
  if (at < 0) return { before: text, quote: null, after: "" };
  let before = text.slice(0, at);
  let after = text.slice(at + quoted.length);
  const open = /["“]$/;
  if (open.test(before)) {
    before = before.slice(0, -1);
    const close = /^([.,;!?]?)["”]/.exec(after);
    if (close) after = (close[1] ?? "") + after.slice(close[0].length);
  }
  return { before, quote: quoted, after };
}
