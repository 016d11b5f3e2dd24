import { initTRPC, TRPCError } from "@trpc/server";
import type { ApiKeyScope, AuditActor, Role, UserDoc } from "../db/collections.js";
import { AppError } from "../errors/appError.js";
import { trpcCodeOf } from "../errors/errorStatus.js";
import { findMembership } from "../repositories/membershipRepository.js";
import { tenantScope, type TenantScope } from "../repositories/tenantScope.js";
import { appendAuditEntry } from "../repositories/auditLogRepository.js";
import { newId } from "../db/ids.js";
import type { TenantCall } from "../domain/tenantCall.js";
import type { ApiContext, RequestContext } from "./context.js";
import { formatApiError } from "./formatApiError.js";
import { usePlainIssueMessages } from "./plainIssueMessage.js";

// Every input schema reports its problems as `plainIssueMessage` words, not zod's defaults.
usePlainIssueMessages();

export type ProcedureKind = "public" | "authed" | "tenant" | "platform";

export interface ProcedureMeta {
  /** Which base procedure this one is built on; set by the bases below, read by the isolation suite. */
  kind?: ProcedureKind;
  /**
   * Who may call a tenant procedure: member roles, and the API key scope that grants it.
   * A tenant procedure without `access` refuses everyone (fail closed).
   */
  access?: { roles: readonly Role[]; scopes?: readonly ApiKeyScope[] };
}

/**
 * The router's own context type is opaque (`ApiContext`): the router's type is what the SDK
 * publishes, and a `RequestContext` there would hand every integrator the server's internals
 * (user documents with password hashes, API key hashes, the session secret, the database).
 * The adapter and test callers pass a `RequestContext`; `requestContext` below restores the
 * full type for every procedure, and the built router's type never mentions it.
 */
const t = initTRPC.context<ApiContext>().meta<ProcedureMeta>().create({
  errorFormatter: formatApiError,
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Gives procedures the context the adapter built (`createRequestContext`), typed. */
const requestContext = t.middleware(({ ctx, next }) => next({ ctx: ctx as RequestContext }));

/** Domain code throws AppError; this turns it into the matching tRPC error, keeping the cause. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const appError = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[appError.code], message: appError.userMessage, cause: appError });
  }
  return result;
});

/** Cookie-authenticated mutations must prove they are not cross-site forgeries. */
function refuseCrossSiteMutation(ctx: RequestContext, type: string): void {
  if (type === "mutation" && !ctx.csrfSafe) {
    throw new AppError("FORBIDDEN", {
      userMessage: "Mutations from a browser must send the `x-mousetrail-csrf: 1` header",
    });
  }
}

export const publicProcedure = t.procedure
  .meta({ kind: "public" })
  .use(requestContext)
  .use(appErrors)
  .use(({ ctx, type, next }) => {
    refuseCrossSiteMutation(ctx, type);
    return next();
  });

export const authedProcedure = publicProcedure.meta({ kind: "authed" }).use(({ ctx, next }) => {
  if (ctx.auth.kind !== "session") {
    throw new AppError("UNAUTHENTICATED", { userMessage: "Sign in to do this" });
  }
  const user = ctx.auth.user;
  const actor: AuditActor = { type: "user", id: user._id, platform: user.platform };
  return next({ ctx: { user, sessionId: ctx.auth.sessionId, actor } });
});

export type AuthedContext = RequestContext & { user: UserDoc; sessionId: string; actor: AuditActor };
export type TenantProcedureContext = RequestContext & { tenant: TenantContext };

export interface TenantContext {
  scope: TenantScope;
  actor: AuditActor;
  /** The member's role; null when the caller is an API key. */
  role: Role | null;
}

/**
 * Every procedure over tenant data. The input carries `tenantId`; a caller who is not a
 * member of that tenant (or whose API key belongs to another) gets NOT_FOUND, the same
 * answer as for a tenant that does not exist, so tenant ids cannot be probed.
 */
export const tenantProcedure = publicProcedure.meta({ kind: "tenant" }).use(async ({ ctx, meta, getRawInput, next }) => {
  const raw = await getRawInput();
  const tenantId = typeof raw === "object" && raw !== null && "tenantId" in raw ? (raw as { tenantId: unknown }).tenantId : undefined;
  if (typeof tenantId !== "string") {
    throw new AppError("BAD_INPUT", { userMessage: "tenantId: required", field: "tenantId" });
  }
  const access = meta?.access;
  if (!access) throw new AppError("FORBIDDEN", { message: "tenant procedure without access meta" });
  const tenant = await authorizeTenant(ctx, tenantId, access);
  return next({ ctx: { tenant } });
});

async function authorizeTenant(
  ctx: RequestContext,
  tenantId: string,
  access: NonNullable<ProcedureMeta["access"]>,
): Promise<TenantContext> {
  const scope = tenantScope(ctx.db, tenantId);
  const notFound = new AppError("NOT_FOUND", { userMessage: "Tenant not found" });
  if (ctx.auth.kind === "session") {
    const membership = await findMembership(scope, ctx.auth.user._id);
    if (!membership) throw notFound;
    if (!access.roles.includes(membership.role)) {
      throw new AppError("FORBIDDEN", {
        userMessage: `Your role (${membership.role}) cannot do this; it needs one of: ${access.roles.join(", ")}`,
      });
    }
    return { scope, actor: { type: "user", id: ctx.auth.user._id, platform: ctx.auth.user.platform }, role: membership.role };
  }
  if (ctx.auth.kind === "apiKey") {
    const key = ctx.auth.apiKey;
    if (key.tenantId !== tenantId) throw notFound;
    const granting = access.scopes ?? [];
    if (!granting.some((scope) => key.scopes.includes(scope))) {
      throw new AppError("FORBIDDEN", {
        userMessage: granting.length
          ? `This API key needs one of the scopes: ${granting.join(", ")}`
          : "This operation is not available to API keys; sign in to the console",
      });
    }
    return { scope, actor: { type: "apiKey", id: key._id }, role: null };
  }
  throw new AppError("UNAUTHENTICATED", {
    userMessage: ctx.auth.rejectedApiKey ? "The API key is unknown or revoked" : "Sign in or send an API key to do this",
  });
}

/**
 * Platform staff acting on any tenant for ToS enforcement. Every call, read or write, is
 * written to the audit log of the tenant it targets (or the platform log) before it runs,
 * so an attempt that fails half-way is still on record.
 */
export const platformProcedure = authedProcedure.meta({ kind: "platform" }).use(async ({ ctx, path, getRawInput, next }) => {
  if (!ctx.user.platform) {
    throw new AppError("FORBIDDEN", { userMessage: "Only platform staff can do this" });
  }
  const raw = await getRawInput();
  const tenantId =
    typeof raw === "object" && raw !== null && typeof (raw as { tenantId?: unknown }).tenantId === "string"
      ? (raw as { tenantId: string }).tenantId
      : null;
  await appendAuditEntry(
    { db: ctx.db, tenantId },
    {
      _id: newId("audit"),
      at: ctx.now(),
      actor: ctx.actor,
      action: path,
      target: { type: "tenant", id: tenantId ?? "platform" },
      details: {},
    },
  );
  return next();
});

/** The plain values a tenant domain function takes, read off the procedure context. */
export function tenantCallOf(ctx: TenantProcedureContext): TenantCall {
  return { scope: ctx.tenant.scope, actor: ctx.tenant.actor, now: ctx.now() };
}
