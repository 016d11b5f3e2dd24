import { readFile, stat } from "node:fs/promises";
import { verifyReceipt, type ReceiptPublicKey } from "@mousetrail/client-sdk";
import { verifyAuditChain, type AuditChainVerification } from "@mousetrail/server/domain/audit/verifyAuditChain";
import { publishedReceiptKeys } from "@mousetrail/server/domain/receipts/publishedReceiptKeys";
import { listAuditChains } from "@mousetrail/server/repositories/auditLogRepository";
import { flagValue, parseOptions, type ParsedOptions } from "./commandArgs.js";
import { UsageError, withInstallationDatabase, type CommandIo } from "./commandIo.js";

export const verifyUsage = [
  "Usage:",
  "  npm run verify -- audit [--tenant TENANT_ID]      check the audit log's hash chains (all, or one tenant's)",
  "  npm run verify -- receipt FILE [--keys URL|FILE]  check a signed purge or erasure receipt",
  "Exit status: 0 verified, 1 not verified, 2 usage or configuration error.",
].join("\n");

/** Receipts and key lists are small; anything bigger is refused before it is read. */
const maxJsonBytes = 1024 * 1024;

/** `npm run verify -- audit|receipt ...` */
export async function runVerifyCommand(args: string[], io: CommandIo): Promise<number> {
  const [subject, ...rest] = args;
  if (subject === "audit") return verifyAudit(parseOptions(rest, { flags: ["--tenant"], positional: 0, usage: verifyUsage }), io);
  if (subject === "receipt") return verifyReceiptFile(parseOptions(rest, { flags: ["--keys"], positional: 1, usage: verifyUsage }), io);
  throw new UsageError(subject === undefined || subject === "--help" ? verifyUsage : `verify: unknown subject "${subject}"\n${verifyUsage}`);
}

async function verifyAudit(options: ParsedOptions, io: CommandIo): Promise<number> {
  const tenantId = flagValue(options, "--tenant");
  return withInstallationDatabase(io, async ({ db }) => {
    const scopes = tenantId ? [{ db, tenantId }] : await listAuditChains(db);
    if (scopes.length === 0) io.out("No audit chain yet: nothing was audited since the chain was introduced.");
    let broken = 0;
    for (const scope of scopes) {
      const result = await verifyAuditChain(scope);
      io.out(describeChain(result));
      if (!result.intact) broken++;
    }
    return broken === 0 ? 0 : 1;
  });
}

function describeChain(result: AuditChainVerification): string {
  const unchained = result.unchainedEntries > 0 ? ` (${result.unchainedEntries} older entries predate the chain and are not covered)` : "";
  if (result.intact) {
    const head = result.head ? `, head seq ${result.head.seq} ${result.head.sha256}` : "";
    return `${result.chain}: intact, ${result.entriesChecked} entries${head}${unchained}`;
  }
  const link = result.firstBrokenLink!;
  return [
    `${result.chain}: BROKEN at seq ${link.seq}, entry ${link.entryId} (${link.problem}), after ${result.entriesChecked} intact entries${unchained}`,
    `  expected hash ${link.expectedHash}`,
    `  found hash    ${link.foundHash}`,
    `  ${link.message}`,
  ].join("\n");
}

async function verifyReceiptFile(options: ParsedOptions, io: CommandIo): Promise<number> {
  const file = options.positional[0]!;
  const signed = await readJsonFile(file, "receipt");
  const keysSource = flagValue(options, "--keys");
  const keys = keysSource ? await readKeys(keysSource) : await installationKeys(io);
  const result = await verifyReceipt(signed, keys);
  if (result.valid) {
    io.out(`VALID: ${result.kind} signed by key ${result.keyId}`);
    io.out(`  receipt SHA-256 ${result.receiptSha256}`);
    return 0;
  }
  io.out(`NOT VALID (${result.reason}): ${result.message}`);
  return 1;
}

async function readKeys(source: string): Promise<{ keys: ReceiptPublicKey[] }> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
    if (!response.ok) throw new UsageError(`--keys: ${source} answered ${response.status}`);
    const text = await readBounded(response, source);
    return parseKeys(text, source);
  }
  return parseKeys(JSON.stringify(await readJsonFile(source, "--keys")), source);
}

/** Without --keys: the keys this installation published, read from its database. */
function installationKeys(io: CommandIo): Promise<{ keys: ReceiptPublicKey[] }> {
  return withInstallationDatabase(io, async ({ db }) => {
    io.err("Keys: those published by this installation (give --keys URL|FILE to check against another list).");
    return publishedReceiptKeys(db, null);
  });
}

function parseKeys(text: string, source: string): { keys: ReceiptPublicKey[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--keys: ${source} is not JSON`);
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new UsageError(`--keys: ${source} has no "keys" list (expected the document served at /.well-known/mousetrail-receipt-keys.json)`);
  return { keys: keys as ReceiptPublicKey[] };
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new UsageError(`${what}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > maxJsonBytes) throw new UsageError(`${what}: ${file} is ${size} bytes; at most ${maxJsonBytes} are accepted`);
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new UsageError(`${what}: ${file} is not JSON`);
  }
}

async function readBounded(response: Response, source: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxJsonBytes) {
      await reader.cancel();
      throw new UsageError(`--keys: ${source} sent more than ${maxJsonBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
