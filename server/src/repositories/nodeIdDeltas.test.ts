import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWithIdDeltas, stringifyWithIdDeltas } from "./nodeIdDeltas.js";

const snapshotRow = (rowId: number) => ({
  type: 2,
  tagName: "tr",
  attributes: {},
  childNodes: [1, 2, 3].map((cell) => ({ type: 2, tagName: "td", attributes: {}, childNodes: [{ type: 3, textContent: `cell ${cell}`, id: rowId + cell * 2 }], id: rowId + cell * 2 - 1 })),
  id: rowId,
});

describe("node ids written as differences", () => {
  it("writes each id, parentId, nextId and previousId as its difference to the one before, and reads the events back unchanged", () => {
    const events = [
      { type: 2, data: { node: { type: 0, childNodes: [snapshotRow(100)], id: 1 } }, timestamp: 1_796_000_000_000 },
      { type: 3, data: { source: 0, adds: [{ parentId: 1, nextId: null, node: snapshotRow(100) }], removes: [{ parentId: 1, id: 100 }], texts: [], attributes: [] }, timestamp: 1_796_000_000_500 },
      { type: 3, data: { source: 2, type: 2, id: 104, x: 10, y: 20 }, timestamp: 1_796_000_001_000 },
    ];
    const json = stringifyWithIdDeltas(events);
    expect(json).not.toBeNull();
    // The snapshot's row: cell texts and cells first (a node's id follows its children), then the row.
    expect(json).toContain('"textContent":"cell 1","id":102}],"id":-1},');
    expect(json).toContain('"textContent":"cell 2","id":3}],"id":-1},');
    expect(json).toContain('"id":-5}],"id":-99}');
    // Timestamps, positions and sources are left alone.
    expect(json).toContain('"x":10,"y":20},"timestamp":1796000001000');
    expect(parseWithIdDeltas(json as string)).toEqual(events);
  });

  it("leaves the plain JSON to the caller when an id is not an integer within ±2^51", () => {
    expect(stringifyWithIdDeltas([{ data: { id: 1.5 } }])).toBeNull();
    expect(stringifyWithIdDeltas([{ data: { id: 2 ** 51 + 1 } }])).toBeNull();
    expect(stringifyWithIdDeltas([{ data: { nextId: -(2 ** 52) } }])).toBeNull();
    expect(stringifyWithIdDeltas([{ data: { id: 2 ** 51 }, nextId: -(2 ** 51) }])).toBe(`[{"data":{"id":${2 ** 51}},"nextId":${-(2 ** 52)}}]`);
  });

  it("reads back any JSON it writes: ids under any key order, nested anywhere, beside strings and nulls under the same keys", () => {
    const idKey = fc.constantFrom("id", "parentId", "nextId", "previousId", "x", "0", "10");
    const leaf = fc.oneof(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), fc.constant(null), fc.string({ maxLength: 4 }), fc.boolean());
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(idKey, tie("tree"), { maxKeys: 5 })),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (events) => {
        const json = stringifyWithIdDeltas(events);
        expect(json).not.toBeNull();
        expect(parseWithIdDeltas(json as string)).toEqual(JSON.parse(JSON.stringify(events)));
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});
