import { z } from "zod";

export const verifyPlatformAuditChainInput = z.strictObject({}).optional();
