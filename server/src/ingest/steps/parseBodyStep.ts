import { estimatedBatchMemory } from "../../memory/batchMemoryBudget.js";
import { collectLimits } from "../collectPayload.schema.js";
import type { IncomingBatch, ParsedBatch } from "../batchStages.js";
import { decodeBatchBody, type BatchBodyLimit } from "../decodeBatchBody.js";
import { step } from "../../pipeline/pipeline.js";
import { ok, reject, type Rejection } from "../../pipeline/stepResult.js";

const bodyLimits = {
  maxDecompressedBytes: collectLimits.maxDecompressedBytes,
  maxDepth: collectLimits.maxJsonDepth,
  maxValues: collectLimits.maxJsonValues,
  maxStringBytes: collectLimits.maxStringBytes,
  maxEvents: collectLimits.maxEventsPerBatch,
};

/** Too much of something is 413, like the byte limits; a malformed or too deep document is 400. */
const codeOfLimit: Record<BatchBodyLimit, Rejection["code"]> = {
  decompressedBytes: "PAYLOAD_TOO_LARGE",
  values: "PAYLOAD_TOO_LARGE",
  string: "PAYLOAD_TOO_LARGE",
  depth: "BAD_INPUT",
  events: "BAD_INPUT",
  gzip: "BAD_INPUT",
  syntax: "BAD_INPUT",
};

/**
 * Decompresses and parses the body with every structural limit (decompressed bytes, values,
 * depth, string length, events) checked while it is inflated, before JSON.parse: past a limit
 * nothing more is inflated and nothing is parsed. The compressed size was bounded by the HTTP
 * layer; the memory the parsed batch may take is settled with the route's budget here, once known.
 */
export const parseBodyStep = step<IncomingBatch, ParsedBatch>("parseBody", async ({ body, memory, ...batch }) => {
  const decoded = await decodeBatchBody(body, batch.encoding, bodyLimits);
  if (decoded.kind === "refused") {
    memory?.settle(0);
    const field = decoded.limit === "events" ? "events" : "body";
    const message = decoded.limit === "events" ? `must hold at most ${collectLimits.maxEventsPerBatch} events` : decoded.message;
    return reject({ code: codeOfLimit[decoded.limit], message: `${field}: ${message}`, field });
  }
  memory?.settle(estimatedBatchMemory(decoded.text.length, decoded.values));
  try {
    return ok({ ...batch, json: JSON.parse(decoded.text.toString("utf8")) as unknown, wireBytes: body.length, rawBytes: decoded.text.length });
  } catch (error) {
    return reject({ code: "BAD_INPUT", message: `body: not valid JSON (${(error as Error).message})`, field: "body" });
  }
});
