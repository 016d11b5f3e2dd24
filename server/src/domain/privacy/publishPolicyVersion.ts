import { policyDocumentSchema, type PolicyDocument } from "@mousetrail/policies/schema/policyDocument";
import type { Db } from "mongodb";
import { AppError } from "../../errors/appError.js";
import { findLatestPolicyVersion, insertPolicyVersion } from "../../repositories/policyVersionRepository.js";
import { policyVersionId } from "./policyLibrary.js";

/**
 * MS-5.1: a policy change is a new version, published next to the old ones (which stay, as the
 * sessions collected under them say so). Versions only go up; a version number is never reused.
 * Sites keep the version they run until their tenant moves them to the new one.
 */
export async function publishPolicyVersion(db: Db, input: { document: unknown; publishedBy: string; now: Date }): Promise<PolicyDocument> {
  const parsed = policyDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      field: ["document", ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw new AppError("BAD_INPUT", { userMessage: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues });
  }
  const document = parsed.data as PolicyDocument;
  const latest = await findLatestPolicyVersion(db, document.id);
  if (latest && document.version <= latest.version) {
    throw new AppError("CONFLICT", {
      userMessage: `document.version: ${document.id} is at version ${latest.version}; publish version ${latest.version + 1} or later`,
      field: "document.version",
    });
  }
  const latestRevision = latest?.document.revisedOn;
  if (latestRevision && document.revisedOn < latestRevision) {
    throw new AppError("BAD_INPUT", { userMessage: `document.revisedOn: must not be before the previous revision (${latestRevision})`, field: "document.revisedOn" });
  }
  try {
    await insertPolicyVersion(db, {
      _id: policyVersionId(document.id, document.version),
      policyId: document.id,
      version: document.version,
      document,
      publishedAt: input.now,
      publishedBy: input.publishedBy,
    });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) {
      throw new AppError("CONFLICT", { userMessage: `document.version: ${document.id}@${document.version} is already published`, field: "document.version" });
    }
    throw error;
  }
  return document;
}
