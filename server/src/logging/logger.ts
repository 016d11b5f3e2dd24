import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Raw IP addresses never appear in a log line (MS-1.2): no request
 * serializer here logs `remoteAddress`, and these paths are redacted in case a caller
 * passes a request or headers by mistake.
 */
export function createLogger(options: { level?: string; name?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
    name: options.name ?? "mousetrail",
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    redact: {
      paths: [
        "ip",
        "*.ip",
        "remoteAddress",
        "*.remoteAddress",
        'headers["x-forwarded-for"]',
        'headers["x-real-ip"]',
        "headers.cookie",
        "headers.authorization",
        'req.headers["x-forwarded-for"]',
        "req.headers.cookie",
        "req.headers.authorization",
        "password",
        "*.password",
      ],
      censor: "[redacted]",
    },
    },
    options.destination,
  );
}
