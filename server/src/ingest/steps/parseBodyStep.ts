import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { collectLimits } from "../collectPayload.schema.js";
import type { IncomingBatch, ParsedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok, reject } from "../../pipeline/stepResult.js";

const gunzipAsync = promisify(gunzip);

/**
 * Decompresses (bounded: a gzip bomb stops at maxDecompressedBytes) and parses JSON. The
 * compressed size was already bounded by the HTTP layer while reading the body.
 */
export const parseBodyStep = step<IncomingBatch, ParsedBatch>("parseBody", async ({ body, ...batch }) => {
  let text: Buffer = body;
  if (batch.encoding === "gzip") {
    try {
      text = await gunzipAsync(body, { maxOutputLength: collectLimits.maxDecompressedBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
        return reject({ code: "PAYLOAD_TOO_LARGE", message: `body: larger than ${collectLimits.maxDecompressedBytes} bytes once decompressed` });
      }
      return reject({ code: "BAD_INPUT", message: "body: not valid gzip data" });
    }
  } else if (body.length > collectLimits.maxDecompressedBytes) {
    return reject({ code: "PAYLOAD_TOO_LARGE", message: `body: larger than ${collectLimits.maxDecompressedBytes} bytes` });
  }
  try {
    return ok({ ...batch, json: JSON.parse(text.toString("utf8")) as unknown, wireBytes: body.length, rawBytes: text.length });
  } catch (error) {
    return reject({ code: "BAD_INPUT", message: `body: not valid JSON (${(error as Error).message})` });
  }
});
