import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { CollectPayload } from "../ingest/collectPayload.schema.js";

export function randomRecorderId(): string {
  return randomBytes(16).toString("base64url");
}

/** rrweb events recorded from a real checkout page (policies/src/fixtures), raw values unmasked. */
export function recordedCheckoutEvents(): CollectPayload["events"] {
  const url = new URL("../../../policies/src/fixtures/checkout.events.json", import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as CollectPayload["events"];
}

/** Values typed into / present in the recorded checkout page, which must never be stored raw. */
export const checkoutSecrets = {
  typedEmail: "jane.doe@example.com",
  password: "Tr0ub4dor&3",
  cardNumber: "4111 1111 1111 1111",
  prefilledEmail: "prefilled.jane@example.com",
} as const;

/** The events moved in time so the first happens at `startAt` (the server refuses times far from its clock). */
export function recordedAt(events: CollectPayload["events"], startAt: number): CollectPayload["events"] {
  const shift = startAt - (events[0]?.timestamp ?? startAt);
  return events.map((event) => ({ ...event, timestamp: event.timestamp + shift }));
}

/**
 * A meta event and a full snapshot of paragraphs of page text, about `jsonBytes` of JSON in all:
 * a batch of a product page's size (recorder batches are a few kB).
 */
export function largePageEvents(jsonBytes: number, at: number): CollectPayload["events"] {
  const text = "Merino wool jacket, light and warm, with a hood and two zip pockets. ".repeat(7);
  const paragraphs = Math.ceil(jsonBytes / (text.length + 110));
  const childNodes = Array.from({ length: paragraphs }, (_, index) => ({
    type: 2,
    tagName: "p",
    attributes: {},
    childNodes: [{ type: 3, textContent: text, id: 2 * index + 3 }],
    id: 2 * index + 2,
  }));
  return [
    { type: 4, data: { href: "https://shop.example/product", width: 1280, height: 720 }, timestamp: at },
    { type: 2, data: { node: { type: 0, childNodes, id: 1 }, initialOffset: { top: 0, left: 0 } }, timestamp: at + 1 },
  ];
}

export function batchPayload(siteKey: string, overrides: Partial<CollectPayload> = {}): CollectPayload {
  const now = Date.now();
  return {
    v: 1,
    siteKey,
    sessionId: randomRecorderId(),
    visitorId: randomRecorderId(),
    pageId: randomRecorderId(),
    seq: 0,
    sentAt: now,
    consent: "granted",
    page: { url: "https://shop.example/checkout?email=jane.doe%40example.com&step=2", referrer: "https://search.example/?q=shoes", startedAt: now - 5_000, loadTimeMs: 840 },
    view: { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: 2880 },
    technical: { language: "en-GB", timeZone: "Europe/London", screenWidth: 1920, screenHeight: 1080, viewportWidth: 1280, viewportHeight: 720 },
    events: recordedAt(recordedCheckoutEvents(), now - 5_000),
    ...overrides,
  };
}

export interface PostBatchOptions {
  origin?: string | null;
  gzip?: boolean;
  headers?: Record<string, string>;
  rawBody?: Buffer | string;
}

export async function postBatch(baseUrl: string, payload: unknown, options: PostBatchOptions = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const json = options.rawBody ?? JSON.stringify(payload);
  const gzip = options.gzip ?? true;
  const body = gzip && options.rawBody === undefined ? gzipSync(json) : json;
  const headers: Record<string, string> = {
    "content-type": "text/plain;charset=UTF-8",
    "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    ...(options.origin === null ? {} : { origin: options.origin ?? "https://shop.example" }),
    ...options.headers,
  };
  const response = await fetch(`${baseUrl}/collect${gzip ? "?enc=gzip" : ""}`, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}
