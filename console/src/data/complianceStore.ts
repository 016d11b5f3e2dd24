import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, createSignal, onCleanup, type Accessor } from "solid-js";

export type OptOuts = RouterOutputs["compliance"]["optOuts"];
export type Violation = RouterOutputs["compliance"]["violations"]["violations"][number];
export type ErasureStatus = RouterOutputs["compliance"]["erasure"];
export type PurgeStatus = RouterOutputs["compliance"]["purgeReceipt"];

/** Opt-outs per site and day over a range of UTC days. */
export function createOptOutsStore(api: MousetrailClient, tenantId: string) {
  const [range, setRange] = createSignal<{ siteId?: string; from?: string; to?: string }>({});
  const [optOuts] = createResource(range, (filter) => api.compliance.optOuts.query({ tenantId, ...filter }));
  return { optOuts, range, setRange };
}

/** PII found in what was sent, by kind and location, a page at a time; never the values. */
export function createViolationsStore(api: MousetrailClient, tenantId: string) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [page] = createResource(
    () => ({ cursor: cursors()[cursors().length - 1] }),
    ({ cursor }) => api.compliance.violations.query({ tenantId, limit: 50, ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    pageNumber: () => cursors().length,
    next: () => {
      const next = page()?.nextCursor;
      if (next) setCursors([...cursors(), next]);
    },
    previous: () => setCursors(cursors().length > 1 ? cursors().slice(0, -1) : cursors()),
  };
}

/** How many violations of each kind, most frequent first. */
export function countByKind(violations: readonly Violation[]): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const violation of violations) counts.set(violation.kind, (counts.get(violation.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/** A purge requested here, followed until its receipt is sealed. */
export function createPurgeWatcher(api: MousetrailClient, tenantId: string, pollMs = 1000): { status: Accessor<PurgeStatus | null>; start(input: { siteId?: string; confirm: string; reason?: string }): Promise<PurgeStatus>; follow(purgeId: string): Promise<void> } {
  const [status, setStatus] = createSignal<PurgeStatus | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = async (purgeId: string) => {
    clearTimeout(timer);
    const current = await api.compliance.purgeReceipt.query({ tenantId, purgeId });
    setStatus(current);
    if (current.state !== "done") timer = setTimeout(() => void follow(purgeId), pollMs);
  };
  onCleanup(() => clearTimeout(timer));
  return {
    status,
    follow,
    async start(input) {
      const started = await api.compliance.purgeAnalytics.mutate({ tenantId, ...input });
      setStatus(started);
      if (started.state !== "done") timer = setTimeout(() => void follow(started.purgeId), pollMs);
      return started;
    },
  };
}

/** MS-4.1: an erasure requested here, followed through its final pass until its receipt is sealed. */
export function createErasureWatcher(api: MousetrailClient, tenantId: string, pollMs = 2000): { status: Accessor<ErasureStatus | null>; start(input: { siteId: string; visitorId: string }): Promise<ErasureStatus>; clear(): void } {
  const [status, setStatus] = createSignal<ErasureStatus | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = async (erasureId: string) => {
    const current = await api.compliance.erasure.query({ tenantId, erasureId });
    setStatus(current);
    if (current.progress !== "done") timer = setTimeout(() => void follow(erasureId), pollMs);
  };
  onCleanup(() => clearTimeout(timer));
  return {
    status,
    clear() {
      clearTimeout(timer);
      setStatus(null);
    },
    async start(input) {
      clearTimeout(timer);
      const started = await api.compliance.eraseVisitor.mutate({ tenantId, ...input });
      setStatus(started);
      if (started.progress !== "done") timer = setTimeout(() => void follow(started.erasureId), pollMs);
      return started;
    },
  };
}

/** A receipt as a file the browser saves, named after what it is about. */
export function receiptDownload(receipt: unknown, fileName: string): { href: string; fileName: string } {
  const blob = new Blob([`${JSON.stringify(receipt, null, 2)}\n`], { type: "application/json" });
  return { href: URL.createObjectURL(blob), fileName };
}

export type PolicyVersions = RouterOutputs["compliance"]["policyVersions"];

/** MS-5.1: the published policy versions with their change log, and the version each site runs. */
export function createPolicyVersionsStore(api: MousetrailClient, tenantId: string) {
  const [policyVersions] = createResource(() => api.compliance.policyVersions.query({ tenantId }));
  return { policyVersions };
}

export type OptOutVerification = RouterOutputs["compliance"]["optOutVerification"];

/** MS-4.1: each opt-out with the chunks of that visitor received after it (zero expected), a page at a time. */
export function createOptOutVerificationStore(api: MousetrailClient, tenantId: string, pageSize = 50) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [page] = createResource(
    () => ({ cursor: cursors()[cursors().length - 1] }),
    ({ cursor }) => api.compliance.optOutVerification.query({ tenantId, limit: pageSize, ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    pageNumber: () => cursors().length,
    next: () => {
      const next = page()?.nextCursor;
      if (next) setCursors([...cursors(), next]);
    },
    previous: () => setCursors(cursors().length > 1 ? cursors().slice(0, -1) : cursors()),
  };
}

/** MS-1.7: the tenant's past purges newest first, each with its receipt once sealed, a page at a time. */
export function createPastPurgesStore(api: MousetrailClient, tenantId: string, pageSize = 20) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [page, { refetch }] = createResource(
    () => ({ cursor: cursors()[cursors().length - 1] }),
    ({ cursor }) => api.compliance.purges.query({ tenantId, limit: pageSize, ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    pageNumber: () => cursors().length,
    /** Back to the newest page, read again (after a purge was started or finished). */
    reload: () => (cursors().length > 1 ? setCursors([undefined]) : void refetch()),
    next: () => {
      const next = page()?.nextCursor;
      if (next) setCursors([...cursors(), next]);
    },
    previous: () => setCursors(cursors().length > 1 ? cursors().slice(0, -1) : cursors()),
  };
}
