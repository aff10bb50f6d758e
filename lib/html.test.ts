import { describe, expect, it } from "vitest";
import { html, safeHref } from "./html";

describe("html", () => {
  it("escapes every interpolated value, in content and in attributes", () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>`,
    );
  });

  it("keeps fragments built with it, joins lists and drops what is absent", () => {
    const items = ["a<", "b"].map((x) => html`<li>${x}</li>`);
    expect(html`<ol>${items}${null}${false}${undefined}${0}</ol>`.text).toBe("<ol><li>a&lt;</li><li>b</li>0</ol>");
  });
});

describe("safeHref", () => {
  it("lets through http(s) addresses and paths on this site, nothing else", () => {
    expect(safeHref("https://example.org/a")).toBe("https://example.org/a");
    expect(safeHref("/sources/x")).toBe("/sources/x");
    expect(safeHref("javascript:alert(1)")).toBe("#");
    expect(safeHref("//evil.example/x")).toBe("#");
  });
});
