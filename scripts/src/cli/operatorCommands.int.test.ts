import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { collections } from "@mousetrail/server/db/collections";
import { ensureIndexes } from "@mousetrail/server/db/ensureIndexes";
import { openAuthSession } from "@mousetrail/server/domain/auth/authSessions";
import { createUser } from "@mousetrail/server/domain/auth/createUser";
import { verifyPassword } from "@mousetrail/server/domain/auth/passwords";
import { publishBuiltInPolicies } from "@mousetrail/server/domain/privacy/policyLibrary";
import { verifyAuditChain } from "@mousetrail/server/domain/audit/verifyAuditChain";
import { publishReceiptKey, publishedReceiptKeys } from "@mousetrail/server/domain/receipts/publishedReceiptKeys";
import { generateReceiptSigningKeyPem, receiptSigningKeyFile, receiptSigningKeyOf } from "@mousetrail/server/domain/receipts/receiptSigningKey";
import { signReceipt } from "@mousetrail/server/domain/receipts/signReceipt";
import { createTenantFixture } from "@mousetrail/server/testing/apiHarness";
import type {} from "@mousetrail/server/testing/globalDatabase";
import { runAdminCommand } from "./adminCommand.js";
import type { CommandIo } from "./commandIo.js";
import { runVerifyCommand } from "./verifyCommand.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dbName = `test_cli_${randomBytes(6).toString("hex")}`;
const now = new Date("2026-03-02T09:00:00.000Z");

/** The installation's environment: as `npm start` would be configured, the database named in MONGODB_URI. */
function installationEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const uri = new URL(inject("mongoUri"));
  uri.pathname = `/${dbName}`;
  return { MONGODB_URI: uri.toString(), MOUSETRAIL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mousetrail-cli-")), LOG_LEVEL: "error", ...extra };
}

function captureIo(env: NodeJS.ProcessEnv, stdin = ""): CommandIo & { output: string[] } {
  const output: string[] = [];
  return { env, output, out: (line) => output.push(line), err: () => {}, readStdin: async () => stdin };
}

describe("operator commands on the installation's database", () => {
  let client: MongoClient;
  let db: Db;
  beforeAll(async () => {
    client = await new MongoClient(inject("mongoUri")).connect();
    db = client.db(dbName);
    await ensureIndexes(db);
    await publishBuiltInPolicies(db, now);
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  describe("MS-3.3 npm run verify -- audit", () => {
    it("MS-3.3 reports every chain intact, then names the first broken link of a tampered one", async () => {
      const tenant = await createTenantFixture(db, "Verified by CLI");
      const other = await createTenantFixture(db, "Untouched");
      const io = captureIo(installationEnv());
      expect(await runVerifyCommand(["audit"], io)).toBe(0);
      expect(io.output.join("\n")).toMatch(new RegExp(`tenant:${tenant.tenantId}: intact, \\d+ entries, head seq \\d+ [0-9a-f]{64}`));

      const third = await collections(db).auditLog.findOne({ chain: `tenant:${tenant.tenantId}`, seq: 3 });
      await collections(db).auditLog.updateOne({ _id: third!._id }, { $set: { at: new Date(third!.at.getTime() + 1) } });
      const after = captureIo(installationEnv());
      expect(await runVerifyCommand(["audit"], after)).toBe(1);
      const report = after.output.join("\n");
      expect(report).toContain(`tenant:${tenant.tenantId}: BROKEN at seq 3, entry ${third!._id} (entry-altered), after 2 intact entries`);
      expect(report).toContain(`  expected hash ${third!.hash}`);
      expect(report).toMatch(new RegExp(`tenant:${other.tenantId}: intact`));

      const one = captureIo(installationEnv());
      expect(await runVerifyCommand(["audit", "--tenant", other.tenantId], one)).toBe(0);
      expect(one.output).toHaveLength(1);
    });

    it("runs as `npm run verify` does, as a process, with the exit status saying the result", async () => {
      const tenant = await createTenantFixture(db, "Verified by process");
      const { stdout } = await promisify(execFile)(path.join(repoRoot, "node_modules/.bin/tsx"), ["--conditions=@mousetrail/source", "scripts/src/cli/verify.ts", "audit", "--tenant", tenant.tenantId], {
        cwd: repoRoot,
        env: { ...process.env, ...installationEnv() },
      });
      expect(stdout).toMatch(new RegExp(`^tenant:${tenant.tenantId}: intact`));
      const refused = await promisify(execFile)(path.join(repoRoot, "node_modules/.bin/tsx"), ["--conditions=@mousetrail/source", "scripts/src/cli/verify.ts", "audit", "--tenant"], { cwd: repoRoot, env: { ...process.env, ...installationEnv() } }).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining("--tenant needs a value") });
    });
  });

  describe("MS-1.7 npm run verify -- receipt", () => {
    const pem = generateReceiptSigningKeyPem();
    const key = receiptSigningKeyOf(pem);
    const receipt = { receipt: "mousetrail.visitor-erasure", receiptVersion: 1, receiptId: "era_1", tenantId: "tnt_1", counts: { sessions: 3 } };
    const dir = mkdtempSync(path.join(tmpdir(), "mousetrail-receipt-"));
    const write = (name: string, value: unknown) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify(value, null, 2));
      return file;
    };
    const keysFile = write("keys.json", { keys: [{ keyId: key.keyId, algorithm: "Ed25519", publicKey: key.publicKey }] });

    it("MS-1.7 accepts the signed receipt, refuses it altered or re-signed with another key", async () => {
      const good = captureIo({});
      expect(await runVerifyCommand(["receipt", write("good.json", signReceipt(receipt, key)), "--keys", keysFile], good)).toBe(0);
      expect(good.output[0]).toBe(`VALID: mousetrail.visitor-erasure signed by key ${key.keyId}`);

      const altered = readFileSync(path.join(dir, "good.json"), "utf8").replace('"sessions": 3', '"sessions": 2');
      writeFileSync(path.join(dir, "altered.json"), altered);
      const refused = captureIo({});
      expect(await runVerifyCommand(["receipt", path.join(dir, "altered.json"), "--keys", keysFile], refused)).toBe(1);
      expect(refused.output[0]).toMatch(/^NOT VALID \(bad-signature\)/);

      const other = receiptSigningKeyOf(generateReceiptSigningKeyPem());
      const forged = captureIo({});
      expect(await runVerifyCommand(["receipt", write("forged.json", signReceipt(receipt, other)), "--keys", keysFile], forged)).toBe(1);
      expect(forged.output[0]).toMatch(/^NOT VALID \(unknown-key\)/);
    });

    it("MS-1.7 takes the keys from a URL, or by default from the installation's database", async () => {
      const keysServer = createServer((_, response) => response.end(readFileSync(keysFile)));
      await new Promise<void>((resolve) => keysServer.listen(0, "127.0.0.1", resolve));
      try {
        const url = `http://127.0.0.1:${(keysServer.address() as AddressInfo).port}/.well-known/mousetrail-receipt-keys.json`;
        expect(await runVerifyCommand(["receipt", write("url.json", signReceipt(receipt, key)), "--keys", url], captureIo({}))).toBe(0);
      } finally {
        keysServer.close();
      }
      await publishReceiptKey(db, key, now);
      const env = installationEnv();
      expect(await runVerifyCommand(["receipt", path.join(dir, "url.json")], captureIo(env))).toBe(0);
      // Checking reads keys; it never makes one.
      expect(existsSync(path.join(env.MOUSETRAIL_DATA_DIR!, receiptSigningKeyFile))).toBe(false);
    });

    it("says what is wrong with a file that cannot be a receipt", async () => {
      await expect(runVerifyCommand(["receipt", path.join(dir, "missing.json"), "--keys", keysFile], captureIo({}))).rejects.toThrow(/receipt: cannot read .*missing\.json \(ENOENT\)/);
      writeFileSync(path.join(dir, "big.json"), `"${"x".repeat(1024 * 1024)}"`);
      await expect(runVerifyCommand(["receipt", path.join(dir, "big.json"), "--keys", keysFile], captureIo({}))).rejects.toThrow(/is 1048578 bytes; at most 1048576 are accepted/);
      await expect(runVerifyCommand(["receipt", path.join(dir, "good.json"), "--keys", path.join(dir, "good.json")], captureIo({}))).rejects.toThrow(/has no "keys" list/);
    });
  });

  describe("npm run admin -- reset-password", () => {
    it("MS-3.3 sets a new password printed once, signs the user out everywhere, and audits it without the password", async () => {
      const user = await createUser(db, { email: "operator@example.test", password: "the forgotten password", name: "Operator", now });
      await openAuthSession(db, user._id, now);
      await openAuthSession(db, user._id, now);
      const io = captureIo(installationEnv());
      expect(await runAdminCommand(["reset-password", "Operator@Example.test"], io, () => now)).toBe(0);
      expect(io.output[0]).toBe("Password of operator@example.test reset; 2 session(s) signed out. Recorded in the platform audit log.");
      const password = /^New password \(shown once\): (\S+)$/.exec(io.output[1] ?? "")?.[1];
      expect(password).toBeDefined();
      const stored = await collections(db).users.findOne({ _id: user._id });
      expect(await verifyPassword(stored!.passwordHash, password!)).toBe(true);
      expect(await verifyPassword(stored!.passwordHash, "the forgotten password")).toBe(false);
      expect(await collections(db).authSessions.countDocuments({ userId: user._id })).toBe(0);
      const entry = await collections(db).auditLog.findOne({ chain: "platform", action: "user.resetPassword", "target.id": user._id });
      expect(entry).toMatchObject({ actor: { type: "system", id: "operator-cli" }, details: { passwordGenerated: true, sessionsSignedOut: 2 } });
      expect(JSON.stringify(entry)).not.toContain(password);
      await expect(verifyAuditChain({ db, tenantId: null })).resolves.toMatchObject({ intact: true });
    });

    it("reads the password from standard input when asked, and refuses a short one or an unknown email", async () => {
      const io = captureIo(installationEnv(), "a chosen long password\n");
      expect(await runAdminCommand(["reset-password", "operator@example.test", "--password-stdin"], io, () => now)).toBe(0);
      expect(io.output).toHaveLength(1);
      const stored = await collections(db).users.findOne({ email: "operator@example.test" });
      expect(await verifyPassword(stored!.passwordHash, "a chosen long password")).toBe(true);
      await expect(runAdminCommand(["reset-password", "operator@example.test", "--password-stdin"], captureIo(installationEnv(), "short\n"))).rejects.toThrow("password: must be at least 10 characters");
      await expect(runAdminCommand(["reset-password", "nobody@example.test"], captureIo(installationEnv()))).rejects.toThrow("email: no user has the email nobody@example.test");
      await expect(runAdminCommand(["reset-password"], captureIo(installationEnv()))).rejects.toThrow(/expected 1 argument/);
    });
  });

  describe("MS-1.7 npm run admin -- rotate-receipt-key", () => {
    it("MS-1.7 replaces the data directory's key and keeps the old one published", async () => {
      const env = installationEnv();
      const dataDir = env.MOUSETRAIL_DATA_DIR!;
      const io = captureIo(env);
      expect(await runAdminCommand(["rotate-receipt-key"], io, () => now)).toBe(0);
      const [, retired, current] = /key rotated: ([0-9a-f]{64}) retired \(still published\), ([0-9a-f]{64}) signs/.exec(io.output[0] ?? "") ?? [];
      expect(receiptSigningKeyOf(readFileSync(path.join(dataDir, receiptSigningKeyFile), "utf8")).keyId).toBe(current);
      const published = await publishedReceiptKeys(db, current!);
      expect(published.keys.map((k) => k.keyId)).toEqual(expect.arrayContaining([retired, current]));
      await expect(runAdminCommand(["rotate-receipt-key"], captureIo(installationEnv({ RECEIPT_SIGNING_KEY: generateReceiptSigningKeyPem() })))).rejects.toThrow(/RECEIPT_SIGNING_KEY is set/);
    });
  });
});
