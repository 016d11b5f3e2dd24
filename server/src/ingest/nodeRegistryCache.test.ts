import { NodeRegistry } from "@mousetrail/policies/masking/nodeRegistry";
import { describe, expect, it } from "vitest";
import { NodeRegistryCache } from "./nodeRegistryCache.js";

function registryOf(nodes: number): NodeRegistry {
  const registry = new NodeRegistry();
  for (let id = 1; id <= nodes; id++) registry.registerOther(id, null);
  return registry;
}

describe("NodeRegistryCache", () => {
  it("keeps page views up to the node bound, forgetting the least recently used first", () => {
    const cache = new NodeRegistryCache(10, 100);
    cache.set("a", registryOf(40), 1);
    cache.set("b", registryOf(40), 1);
    expect(cache.get("a")?.nextSeq).toBe(1);
    cache.set("c", registryOf(40), 1);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    expect(cache.nodes).toBe(80);
  });

  it("counts a page view set again once, with its new size", () => {
    const cache = new NodeRegistryCache(10, 100);
    cache.set("a", registryOf(40), 1);
    cache.set("a", registryOf(60), 2);
    expect(cache.nodes).toBe(60);
    expect(cache.get("a")?.nextSeq).toBe(2);
  });

  it("does not keep a registry larger than the whole bound, nor evict the others for it", () => {
    const cache = new NodeRegistryCache(10, 100);
    cache.set("a", registryOf(40), 1);
    cache.set("huge", registryOf(101), 1);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
  });

  it("keeps at most maxEntries page views", () => {
    const cache = new NodeRegistryCache(2, 1_000);
    for (const key of ["a", "b", "c"]) cache.set(key, registryOf(1), 1);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.nodes).toBe(2);
  });
});
