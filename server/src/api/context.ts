import type { Db } from "mongodb";
import type { ApiKeyDoc, UserDoc } from "../db/collections.js";
import type { ReceiptSigningKey } from "../domain/receipts/receiptSigningKey.js";
import type { Logger } from "../logging/logger.js";

export type RequestAuth =
  /** `rejectedApiKey`: a Bearer value was sent but names no live key. */
  | { kind: "anonymous"; rejectedApiKey?: boolean }
  | { kind: "session"; user: UserDoc; sessionId: string }
  | { kind: "apiKey"; apiKey: ApiKeyDoc };

/** What a procedure may do to the session cookie, without knowing it is Koa underneath. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface ServerServices {
  db: Db;
  logger: Logger;
  sessionSecret: string;
  /** The platform key that signs purge and erasure receipts (MS-1.7). */
  receiptSigningKey: ReceiptSigningKey;
  /** The clock every domain function reads, so tests can move time. */
  now(): Date;
  /** Ingest's bound on a batch in flight (domain/compliance/batchInFlight.ts; default maxBatchInFlightMs). */
  batchInFlightMs?: number;
}

export interface RequestContext extends ServerServices {
  auth: RequestAuth;
  cookies: SessionCookieJar;
  /**
   * A keyed hash of the client address, used only for rate limiting. The raw address
   * never leaves the HTTP layer (MS-1.2).
   */
  clientKey: string;
  /**
   * True when the request cannot be a cross-site forgery: it carried our custom header
   * (which browsers only send cross-origin after a CORS preflight we never grant) or
   * authenticated with an API key instead of a cookie.
   */
  csrfSafe: boolean;
}

/**
 * The context as the router's type declares it: nothing. What a procedure reads is the
 * `RequestContext` (see `trpc.ts`); this keeps it out of the client-facing router type.
 */
export type ApiContext = object;
