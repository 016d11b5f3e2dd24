/**
 * Client clocks are wrong, and a hostile client lies: a batch with timestamp 1 once made a
 * session that started in 1970. Dates derived from a batch are kept within this window around
 * the server's clock at receipt (the chunk's `receivedAt`), whatever its events say.
 */
export const receiptWindow = { backMs: 24 * 3_600_000, aheadMs: 5 * 60_000 } as const;

export function withinReceiptWindow(at: Date | null, receivedAt: Date): Date {
  const received = receivedAt.getTime();
  if (at === null || Number.isNaN(at.getTime())) return receivedAt;
  return new Date(Math.min(received + receiptWindow.aheadMs, Math.max(received - receiptWindow.backMs, at.getTime())));
}
