import type { AppErrorCode } from "@mousetrail/server/errors/appError";

/** An rrweb event as recorded (masked fields come back as `*`); hand them to rrweb's Replayer. */
export interface RecordingEvent {
  type: number;
  timestamp: number;
  data?: unknown;
  [field: string]: unknown;
}

export interface RecordingStreamOptions {
  /** Where the Mousetrail server answers, as for `createClient`. */
  baseUrl: string;
  /** An API key with the `reports:read` scope; left out in the console, where the browser's session cookie authenticates. */
  apiKey?: string;
  fetch?: typeof globalThis.fetch;
  /** Aborting stops the download; the iterator then throws the abort reason. */
  signal?: AbortSignal;
}

/** What `streamRecording` throws when the server refuses: the same codes as the API's errors. */
export class RecordingStreamError extends Error {
  readonly httpStatus: number;
  readonly appCode: AppErrorCode | undefined;
  readonly issues: { field: string; message: string }[];

  constructor(httpStatus: number, body: { error?: { message?: string; appCode?: AppErrorCode; issues?: { field: string; message: string }[] } } | null) {
    super(body?.error?.message ?? `The server answered ${httpStatus}`);
    this.name = "RecordingStreamError";
    this.httpStatus = httpStatus;
    this.appCode = body?.error?.appCode;
    this.issues = body?.error?.issues ?? [];
  }
}

/**
 * A session's recording, event by event, as the server streams it (`GET /recordings/events`,
 * one JSON event a line): a player can start before the recording has loaded, and neither side
 * holds it whole. `for await (const event of streamRecording(options, { tenantId, siteId, sessionId }))`.
 */
export async function* streamRecording(
  options: RecordingStreamOptions,
  session: { tenantId: string; siteId: string; sessionId: string },
): AsyncGenerator<RecordingEvent> {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/recordings/events?input=${encodeURIComponent(JSON.stringify(session))}`;
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    headers: options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as ConstructorParameters<typeof RecordingStreamError>[1];
    throw new RecordingStreamError(response.status, body);
  }
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let pending = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line) yield JSON.parse(line) as RecordingEvent;
      if (done) break;
    }
  } finally {
    // A consumer that stops early (break, return) releases the connection.
    await reader.cancel().catch(() => undefined);
  }
  if (pending) yield JSON.parse(pending) as RecordingEvent;
}
