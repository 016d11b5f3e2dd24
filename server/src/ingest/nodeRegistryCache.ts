import type { NodeRegistry } from "@mousetrail/policies/masking/nodeRegistry";

/**
 * The masking registry of each page view being recorded (which node ids are inputs, passwords,
 * non-sensitive fields), kept between its batches. Bounded: the least recently used page
 * views are forgotten first. A forgotten or never-seen page view is rebuilt from its stored
 * chunks by the caller; until then unknown nodes are masked as a precaution, so losing an
 * entry can only over-mask, never leak.
 */
export class NodeRegistryCache {
  readonly #entries = new Map<string, { registry: NodeRegistry; nextSeq: number }>();

  constructor(private readonly maxEntries = 2_000) {}

  get(key: string): { registry: NodeRegistry; nextSeq: number } | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, registry: NodeRegistry, nextSeq: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { registry, nextSeq });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
