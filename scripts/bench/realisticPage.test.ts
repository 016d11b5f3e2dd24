import { describe, expect, it } from "vitest";
import { generateRealisticPage, minimumPageBytes } from "./realisticPage.js";

describe("generateRealisticPage", () => {
  const page = generateRealisticPage("http://127.0.0.1:1/recorder.js", "pk_test");

  it("is the size of a real product page, with images, a large table and forms", () => {
    expect(Buffer.byteLength(page.html)).toBeGreaterThanOrEqual(minimumPageBytes);
    expect(page.html.match(/<img /g)?.length).toBeGreaterThanOrEqual(100);
    expect(page.html.match(/<tr>/g)?.length).toBeGreaterThan(500);
    expect(page.html).toContain('<form id="checkout"');
    expect(page.html).toContain('<script async src="http://127.0.0.1:1/recorder.js" data-site-key="pk_test"></script>');
  });

  it("references only images it serves, each a valid bitmap", () => {
    const referenced = [...page.html.matchAll(/<img src="(\/img\/[^"]+)"/g)].map((match) => match[1]);
    expect(new Set(referenced)).toEqual(new Set(page.images.keys()));
    for (const image of page.images.values()) {
      expect(image.subarray(0, 2).toString("ascii")).toBe("BM");
      expect(image.readUInt32LE(2)).toBe(image.length);
    }
  });

  it("is the same page in every run", () => {
    expect(generateRealisticPage("http://127.0.0.1:1/recorder.js", "pk_test").html).toBe(page.html);
  });
});
