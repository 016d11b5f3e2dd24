/**
 * The structural limits of a batch's JSON, checked on the bytes before `JSON.parse` builds
 * anything: parsing is where a small body turns into a large heap (8 MB of `{},` is 2.7 million
 * objects, about 1.5 GB), so the limits must hold before it, not be checked after it.
 */
export interface JsonStructureLimits {
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Values in the document, object keys included: each is one allocation of the parser. */
  maxValues: number;
  /** Longest string (key or value), in bytes as written in the JSON, escapes included. */
  maxStringBytes: number;
  /** Most elements of the top-level object's `events` array. */
  maxEvents: number;
}

export type JsonStructureLimit = "depth" | "values" | "string" | "events" | "syntax";

export interface JsonStructureProblem {
  limit: JsonStructureLimit;
  message: string;
}

export interface JsonStructureFigures {
  values: number;
  maxDepth: number;
}

const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const quote = 0x22;
const backslash = 0x5c;
const colon = 0x3a;
const comma = 0x2c;

/** Bytes that can start a number, `true`, `false` or `null`. */
const scalarStart = new Uint8Array(256);
for (const char of "-0123456789tfn") scalarStart[char.charCodeAt(0)] = 1;
/** Bytes that can continue one: anything else ends it (validity is left to JSON.parse). */
const scalarPart = new Uint8Array(256);
for (const char of "+-.0123456789Eabcdefghijklmnopqrstuvwxyz") scalarPart[char.charCodeAt(0)] = 1;

/** Whitespace and punctuation: with the above and `"`, the only bytes JSON has outside strings. */
const structural = new Uint8Array(256);
for (const char of " \t\n\r{}[]:,") structural[char.charCodeAt(0)] = 1;

const eventsKey = Buffer.from("events");

/**
 * A resumable one-pass scanner: feed it the decompressed body chunk by chunk, as it is inflated,
 * and stop at the first limit crossed, so a bomb is refused after the bytes that cross a limit,
 * not after all of them. It counts lexically (every `{`, `[`, string and scalar is one value), so
 * it never counts fewer values than the parser would allocate, whatever the input. It refuses a
 * byte JSON cannot have where it stands, but does not check the grammar further: `JSON.parse`
 * does, afterwards, on input now known to be small in every dimension. Memory: a few numbers.
 */
export class JsonStructureScanner {
  private depth = 0;
  private values = 0;
  private deepest = 0;
  private inString = false;
  private escaped = false;
  private stringBytes = 0;
  private inScalar = false;
  /** Inside the top-level object, after `{` or `,`: the next string is one of its keys. */
  private expectingTopLevelKey = false;
  /** The bytes of the top-level key being read (only its first few: enough to tell `events`). */
  private topLevelKey: number[] | null = null;
  private topLevelKeyIsEvents = false;
  private insideEvents = false;
  private topLevelIsObject = false;
  private events = 0;
  /** Bytes scanned before the current chunk. */
  private offset = 0;

  constructor(private readonly limits: JsonStructureLimits) {}

  /** Scans the next bytes of the document; the first limit crossed, if any. */
  write(chunk: Uint8Array): JsonStructureProblem | null {
    const { limits } = this;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] as number;
      if (this.inString) {
        if (byte < 0x20) return this.notJson(byte, index);
        if (this.escaped) this.escaped = false;
        else if (byte === backslash) this.escaped = true;
        else if (byte === quote) {
          this.inString = false;
          if (this.topLevelKey) this.endTopLevelKey(this.topLevelKey);
          continue;
        }
        if (++this.stringBytes > limits.maxStringBytes) return { limit: "string", message: `a string is longer than ${limits.maxStringBytes} bytes` };
        if (this.topLevelKey && this.topLevelKey.length <= eventsKey.length) this.topLevelKey.push(byte);
        continue;
      }
      if (this.inScalar) {
        if (scalarPart[byte]) continue;
        this.inScalar = false;
      }
      if (byte === openBrace || byte === openBracket) {
        const problem = this.countValue();
        if (problem) return problem;
        if (this.depth === 1 && byte === openBracket && this.topLevelKeyIsEvents) this.insideEvents = true;
        if (++this.depth > limits.maxDepth) return { limit: "depth", message: `nested deeper than ${limits.maxDepth} levels` };
        if (this.depth > this.deepest) this.deepest = this.depth;
        if (this.depth === 1) this.topLevelIsObject = byte === openBrace;
        this.expectingTopLevelKey = this.depth === 1 && byte === openBrace;
      } else if (byte === closeBrace || byte === closeBracket) {
        if (this.depth === 2) this.insideEvents = false;
        if (this.depth > 0) this.depth--;
        this.expectingTopLevelKey = false;
      } else if (byte === quote) {
        this.inString = true;
        this.escaped = false;
        this.stringBytes = 0;
        this.topLevelKey = this.expectingTopLevelKey ? [] : null;
        this.expectingTopLevelKey = false;
        const problem = this.countValue();
        if (problem) return problem;
      } else if (scalarStart[byte]) {
        this.inScalar = true;
        const problem = this.countValue();
        if (problem) return problem;
      } else if (byte === comma && this.depth === 1 && this.topLevelIsObject) {
        this.expectingTopLevelKey = true;
        this.topLevelKeyIsEvents = false;
      } else if (!structural[byte]) {
        return this.notJson(byte, index);
      }
    }
    this.offset += chunk.length;
    return null;
  }

  /** A byte JSON cannot have there (a zero-filled bomb's first byte): refused at once. */
  private notJson(byte: number, index: number): JsonStructureProblem {
    return { limit: "syntax", message: `not valid JSON (byte 0x${byte.toString(16).padStart(2, "0")} at ${this.offset + index})` };
  }

  figures(): JsonStructureFigures {
    return { values: this.values, maxDepth: this.deepest };
  }

  /** Counts the value starting here (before a container's depth is raised). */
  private countValue(): JsonStructureProblem | null {
    if (++this.values > this.limits.maxValues) return { limit: "values", message: `more than ${this.limits.maxValues} JSON values (keys included)` };
    if (this.insideEvents && this.depth === 2 && ++this.events > this.limits.maxEvents) {
      return { limit: "events", message: `more than ${this.limits.maxEvents} events` };
    }
    return null;
  }

  private endTopLevelKey(key: number[]): void {
    this.topLevelKeyIsEvents = key.length === eventsKey.length && key.every((byte, index) => byte === eventsKey[index]);
    this.topLevelKey = null;
  }
}
