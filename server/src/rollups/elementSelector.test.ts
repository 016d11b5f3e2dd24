import { describe, expect, it } from "vitest";
import { indexElements, maxNodes, selectorOf } from "./elementSelector.js";

const element = (id: number, tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({ type: 2, id, tagName, attributes, childNodes });
const snapshot = {
  type: 2,
  data: {
    node: {
      type: 0,
      id: 1,
      childNodes: [
        element(2, "HTML", {}, [
          element(3, "body", {}, [
            element(4, "main", { id: "shop" }, [
              element(5, "div", { class: "cart  items extra" }, [element(6, "button", { class: "buy", "data-price": "42" }, [{ type: 3, id: 7, textContent: "Pay 42 €" }])]),
            ]),
            element(8, "a", { id: "has spaces", class: "nav" }),
          ]),
        ]),
      ],
    },
  },
};

describe("element selectors for rage and dead clicks", () => {
  it("names a clicked element by tag, id and classes, up to an ancestor with an id, without text or other attributes", () => {
    const index = indexElements([snapshot]);
    expect(selectorOf(6, index)).toBe("main#shop > div.cart.items > button.buy");
    expect(selectorOf(4, index)).toBe("main#shop");
    // An id that is not a plain name is left out.
    expect(selectorOf(8, index)).toBe("body > a.nav");
    expect(selectorOf(7, index)).toBe("(unknown element)");
    expect(selectorOf(99, index)).toBe("(unknown element)");
  });

  it("indexes elements a mutation adds under their parent", () => {
    const added = { type: 3, data: { source: 0, adds: [{ parentId: 4, node: element(20, "dialog", { class: "promo" }) }], removes: [], texts: [], attributes: [] } };
    expect(selectorOf(20, indexElements([snapshot, added]))).toBe("main#shop > dialog.promo");
  });

  it("keeps at most maxNodes nodes however large the snapshot", () => {
    const wide = { type: 2, data: { node: { type: 0, id: 1, childNodes: Array.from({ length: maxNodes + 10 }, (_, index) => element(index + 2, "p", {})) } } };
    expect(indexElements([wide]).size).toBe(maxNodes);
  });
});
