import type { NodeRegistry } from "@mousetrail/policies/masking/nodeRegistry";

/**
 * The masking registry of each page view being recorded (which node ids are inputs, passwords,
 * non-sensitive fields), kept between its batches. Bounded by page views and by the nodes they
 * hold together: a page at the batch limits registers ~50,000 nodes (~5 MB), so 2,000 of them
 * would be 10 GB; the least recently used page views are forgotten first. A forgotten or
 * never-seen page view is rebuilt from its stored chunks by the caller; until then unknown
 * nodes are masked as a precaution, so losing an entry can only over-mask, never leak.
 */
export class NodeRegistryCache {
  readonly #entries = new Map<string, { registry: NodeRegistry; nextSeq: number; nodes: number }>();
  #nodes = 0;

  /** 200,000 nodes: ~20 MB, the registries of ~100 demo-sized or ~15 realistic product pages (13,000 nodes). */
  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxNodes = 200_000,
  ) {}

  get(key: string): { registry: NodeRegistry; nextSeq: number } | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, registry: NodeRegistry, nextSeq: number): void {
    this.#forget(key);
    const nodes = registry.size;
    // A registry larger than the whole bound is not kept: its page's next batch rebuilds it.
    if (nodes > this.maxNodes) return;
    this.#entries.set(key, { registry, nextSeq, nodes });
    this.#nodes += nodes;
    while (this.#entries.size > this.maxEntries || this.#nodes > this.maxNodes) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#forget(oldest);
    }
  }

  /** Nodes held by all the cached registries. */
  get nodes(): number {
    return this.#nodes;
  }

  #forget(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#nodes -= entry.nodes;
  }
}
