import type Router from "@koa/router";
import type { Db } from "mongodb";
import { publishedReceiptKeys } from "../domain/receipts/publishedReceiptKeys.js";
import type { ReceiptSigningKey } from "../domain/receipts/receiptSigningKey.js";

export const receiptKeysPath = "/.well-known/mousetrail-receipt-keys.json";

/**
 * `GET /.well-known/mousetrail-receipt-keys.json`: every public key that has signed purge and
 * erasure receipts, public and readable from any origin, so anyone holding a receipt can check
 * it (`verifyReceipt` in the SDK, `npm run verify -- receipt FILE --keys URL`).
 */
export function mountReceiptKeysRoute(router: Router, db: Db, current: ReceiptSigningKey): void {
  router.get(receiptKeysPath, async (ctx) => {
    ctx.set("Cache-Control", "public, max-age=300");
    ctx.set("Access-Control-Allow-Origin", "*");
    ctx.body = await publishedReceiptKeys(db, current.keyId);
  });
}
