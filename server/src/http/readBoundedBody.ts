import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** The body did not arrive within its deadline: a slow (or stalling) sender. */
export class BodySlowError extends Error {
  override name = "BodySlowError";
}

/** The bytes of all the bodies being read at once would pass their shared budget. */
export class BodyBudgetError extends Error {
  override name = "BodyBudgetError";
}

/**
 * The bytes held by the request bodies one route is reading at once. Each body is bounded by
 * its own limit; this bounds their sum, so many senders trickling bodies of nearly the limit
 * (each holding its bytes until its last one comes) cannot add up to more memory than this.
 */
export class BodyBytesBudget {
  #inUse = 0;

  constructor(readonly maxBytes: number) {}

  get inUse(): number {
    return this.#inUse;
  }

  /** False when `bytes` more would pass the budget (nothing is taken then). */
  take(bytes: number): boolean {
    if (this.#inUse + bytes > this.maxBytes) return false;
    this.#inUse += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#inUse -= bytes;
  }
}

export interface ReadBodyOptions {
  /** The whole body must have arrived within this many ms of the call. */
  deadlineMs?: number;
  /** Held while the body is read, given back once it is read (or refused): the caller owns it from then on. */
  budget?: BodyBytesBudget;
}

/**
 * Reads a request body into memory, refusing (before reading) a declared length over the limit
 * and stopping as soon as the bytes received pass it, the deadline passes or the shared budget
 * would be passed. On a refusal the rest of the body is not read: the caller answers and closes.
 */
export async function readBoundedBody(req: IncomingMessage, limit: number, options: ReadBodyOptions = {}): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(`body: larger than ${limit} bytes`);
  const { deadlineMs, budget } = options;
  const chunks: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  if (deadlineMs !== undefined) {
    timer = setTimeout(() => {
      timedOut = true;
      // Ends the `for await` below with an error, even while no byte is arriving.
      req.emit("error", new BodySlowError(`body: not received within ${deadlineMs} ms`));
    }, deadlineMs);
  }
  try {
    for await (const chunk of req) {
      const bytes = (chunk as Buffer).length;
      size += bytes;
      if (size > limit) throw new BodyTooLargeError(`body: larger than ${limit} bytes`);
      if (budget && !budget.take(bytes)) {
        size -= bytes;
        throw new BodyBudgetError("server busy receiving other batches: retry later");
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (timedOut) throw new BodySlowError(`body: not received within ${deadlineMs} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
    budget?.give(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  }
  return Buffer.concat(chunks);
}
