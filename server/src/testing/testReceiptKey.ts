import { generateReceiptSigningKeyPem, receiptSigningKeyOf } from "../domain/receipts/receiptSigningKey.js";

/** One receipt signing key per test process, given as RECEIPT_SIGNING_KEY would be (no data dir written). */
export const testReceiptSigningKeyPem = generateReceiptSigningKeyPem();
export const testReceiptSigningKey = receiptSigningKeyOf(testReceiptSigningKeyPem);
