import { describe, expect, it } from "vitest";
import { neutraliseCss, safeSnapshot, type SnapshotNode } from "./safeSnapshot.js";

let nextId = 1;
const element = (tagName: string, attributes: SnapshotNode["attributes"] = {}, childNodes: SnapshotNode[] = []): SnapshotNode => ({ type: 2, id: nextId++, tagName, attributes, childNodes });
const text = (textContent: string, isStyle = false): SnapshotNode => ({ type: 3, id: nextId++, textContent, isStyle });
const page = (...body: SnapshotNode[]): SnapshotNode => ({ type: 0, id: nextId++, childNodes: [element("html", {}, [element("head"), element("body", {}, body)])] });

/** Every attribute value and text left in the safe tree. */
function everything(node: SnapshotNode): string[] {
  return [...Object.entries(node.attributes ?? {}).map(([name, value]) => `${name}=${String(value)}`), ...(node.textContent ? [node.textContent] : []), ...(node.childNodes ?? []).flatMap(everything)];
}
const tags = (node: SnapshotNode): string[] => [...(node.tagName ? [node.tagName] : []), ...(node.childNodes ?? []).flatMap(tags)];

describe("safeSnapshot: a stored page drawn with nothing that runs or fetches", () => {
  it("drops scripts, frames, plug-ins, <base>, refreshes and links that would fetch", () => {
    const safe = safeSnapshot(
      page(
        element("script", { src: "https://evil.example/x.js" }),
        element("iframe", { src: "https://evil.example/" }),
        element("object", { data: "x.swf" }),
        element("embed", { src: "x.swf" }),
        element("base", { href: "https://evil.example/" }),
        element("meta", { "http-equiv": "refresh", content: "0;url=https://evil.example/" }),
        element("link", { rel: "icon", href: "https://evil.example/favicon.ico" }),
        element("p", {}, [text("kept")]),
      ),
    );
    expect(tags(safe.node)).toEqual(["html", "head", "body", "p"]);
    expect(everything(safe.node)).toEqual(["kept"]);
  });

  it("removes every URL that is not data: or a fragment, and event handlers", () => {
    const safe = safeSnapshot(
      page(
        element("img", { src: "https://cdn.example/a.png", srcset: "a.png 1x, b.png 2x", alt: "A hat", onerror: "alert(1)" }),
        element("img", { src: "data:image/png;base64,AAAA", rr_dataURL: "data:image/png;base64,BBBB" }),
        element("video", { poster: "/p.jpg", src: "/v.mp4" }),
        element("a", { href: "https://evil.example/", ping: "https://evil.example/ping" }, [text("Shop")]),
        element("form", { action: "https://evil.example/" }, [element("button", { formaction: "/x" })]),
        element("svg", {}, [element("use", { href: "#icon" }), element("image", { "xlink:href": "https://evil.example/i.svg" }), element("rect", { fill: "url(https://evil.example/p.svg#g)" }), element("rect", { fill: "url(#local)" })]),
        element("table", { background: "/bg.png" }),
      ),
    );
    const left = everything(safe.node).join("\n");
    expect(left).not.toMatch(/evil|cdn\.example|\.png|\.mp4|\.jpg|alert|\/x/);
    expect(left).toContain("alt=A hat");
    expect(left).toContain("src=data:image/png;base64,AAAA");
    expect(left).toContain("rr_dataURL=data:image/png;base64,BBBB");
    expect(left).toContain("href=#icon");
    expect(left).toContain("fill=url(#local)");
    // A link still looks like a link.
    expect(left).toContain("href=#");
  });

  it("hands style sheets and style attributes back apart, in document order, neutralised (the CSP refuses inline styles)", () => {
    const styled = element("div", { style: "background: url(https://evil.example/bg.png); color: red" });
    const safe = safeSnapshot(
      page(
        element("link", { rel: "stylesheet", href: "https://shop.example/site.css", _cssText: "@import url(https://evil.example/more.css); body { color: navy }", media: "screen" }),
        element("style", {}, [text("p { background: url('/x.png') } h1 { font-size: 2em }", true)]),
        element("link", { rel: "stylesheet", href: "https://fonts.example/f.css" }),
        styled,
      ),
    );
    expect(safe.styleSheets).toEqual(["@media screen {\n body { color: navy }\n}", "p { background: none } h1 { font-size: 2em }"]);
    expect(safe.inlineStyles).toEqual(new Map([[styled.id, "background: none; color: red"]]));
    expect(tags(safe.node)).toEqual(["html", "head", "body", "div"]);
    expect(everything(safe.node).join("\n")).not.toContain("style=");
  });

  it("neutralises every CSS form that fetches, keeping data: URLs and fragments", () => {
    expect(neutraliseCss(`@import "a.css"; @import url(b.css) screen; a { x: 1 }`)).toBe("  a { x: 1 }");
    expect(neutraliseCss(`@font-face { src: url("https://f.example/f.woff2") format("woff2") }`)).toBe(`@font-face { src: none format("woff2") }`);
    expect(neutraliseCss(`a { background-image: image-set("a.png" 1x, url(b.png) 2x) }`)).toBe("a { background-image: none }");
    expect(neutraliseCss(`a { cursor: url( 'c.cur' ), auto; mask: url(#m); background: url(data:image/png;base64,AA==) }`)).toBe("a { cursor: none, auto; mask: url(#m); background: url(data:image/png;base64,AA==) }");
  });

  it("stops at a hostile depth instead of recursing without bound", () => {
    let deep = element("span");
    for (let level = 0; level < 5_000; level++) deep = element("div", {}, [deep]);
    const safe = safeSnapshot(page(deep));
    expect(tags(safe.node).length).toBeLessThan(600);
  });
});
