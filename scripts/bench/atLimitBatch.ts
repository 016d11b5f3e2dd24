import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { collectLimits } from "@mousetrail/server/ingest/collectPayload.schema";

/**
 * A valid recorder batch as large as /collect accepts: one full snapshot of a page of
 * paragraphs, just under the decompressed-bytes limit (8 MiB) and the JSON-values limit
 * (250,000), gzipped to well under the 1 MiB body limit. Every one is stored (a fresh session
 * and page id each), so it exercises parsing, masking, the PII scan and the chunk's compression
 * at their most, not a refusal. `now` places its times inside the server's window.
 */
export function atLimitBatch(siteKey: string, now: number): { body: Buffer; inflatedBytes: number; values: number } {
  const id = () => randomBytes(16).toString("base64url");
  const words = ["merino", "jacket", "trail", "light", "warm", "breathable", "seam", "pocket", "hood", "collar", "lining", "stitch"];
  // An element with one text child: 20 JSON values as the limit counts them, keys included (the
  // element, its type, tagName, attributes, class, childNodes, id; the text node, its type,
  // textContent, id; 9 keys).
  const valuesPerElement = 20;
  const elements = Math.floor((collectLimits.maxJsonValues - 100) / valuesPerElement);
  const head = {
    v: 1,
    siteKey,
    sessionId: id(),
    visitorId: id(),
    pageId: id(),
    seq: 0,
    sentAt: now,
    consent: "granted",
    page: { url: "https://shop.bench.example/at-limit", startedAt: now - 1_000 },
  };
  const opening = `${JSON.stringify(head).slice(0, -1)},"events":[{"type":2,"timestamp":${now - 500},"data":{"initialOffset":{"top":0,"left":0},"node":{"type":0,"id":1,"childNodes":[`;
  const closing = "]}}}]}";
  const overhead = (index: number) => `{"type":2,"tagName":"p","attributes":{"class":"c"},"childNodes":[{"type":3,"textContent":"","id":${2 * index + 3}}],"id":${2 * index + 2}},`.length;
  let fixed = opening.length + closing.length;
  for (let index = 0; index < elements; index++) fixed += overhead(index);
  const textBytes = Math.floor((collectLimits.maxDecompressedBytes - fixed - 1_024) / elements);
  const parts: string[] = [opening];
  for (let index = 0; index < elements; index++) {
    let text = "";
    for (let word = index; text.length < textBytes; word += 7) text += `${words[word % words.length]} `;
    parts.push(`{"type":2,"tagName":"p","attributes":{"class":"c"},"childNodes":[{"type":3,"textContent":"${text.slice(0, textBytes)}","id":${2 * index + 3}}],"id":${2 * index + 2}}${index + 1 < elements ? "," : ""}`);
  }
  parts.push(closing);
  const json = parts.join("");
  return { body: gzipSync(json, { level: 9 }), inflatedBytes: Buffer.byteLength(json), values: elements * valuesPerElement + 60 };
}
