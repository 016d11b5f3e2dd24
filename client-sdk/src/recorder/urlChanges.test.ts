import { describe, expect, it } from "vitest";
import { watchUrlChanges, type UrlChangeHost } from "./urlChanges.js";

/** A window whose history moves a URL, and whose events the test fires. */
function fakeWindow() {
  const events = new EventTarget();
  const page = { url: "https://app.example/", pushes: [] as unknown[] };
  const history = {
    pushState(state: unknown, _title: string, url?: string | URL | null) {
      page.pushes.push(state);
      if (url) page.url = new URL(String(url), page.url).href;
    },
    replaceState(_state: unknown, _title: string, url?: string | URL | null) {
      if (url) page.url = new URL(String(url), page.url).href;
    },
  };
  const host: UrlChangeHost & { fire(type: string): void } = {
    history: history as unknown as History,
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    fire: (type) => events.dispatchEvent(new Event(type)),
  };
  return { host, page };
}

describe("watchUrlChanges", () => {
  it("sees pushState, replaceState and popstate (a hash change fires it too), after the URL has moved", () => {
    const { host, page } = fakeWindow();
    const seen: string[] = [];
    watchUrlChanges(host, () => seen.push(page.url));
    host.history.pushState({ step: 1 }, "", "/cart");
    host.history.replaceState(null, "", "/cart?coupon=1");
    page.url = "https://app.example/";
    host.fire("popstate");
    page.url = "https://app.example/#/settings";
    host.fire("popstate");
    expect(seen).toEqual(["https://app.example/cart", "https://app.example/cart?coupon=1", "https://app.example/", "https://app.example/#/settings"]);
    expect(page.pushes).toEqual([{ step: 1 }]);
  });

  it("never lets an error of the recorder reach the page's navigation", () => {
    const { host, page } = fakeWindow();
    watchUrlChanges(host, () => {
      throw new Error("recorder bug");
    });
    expect(() => host.history.pushState(null, "", "/next")).not.toThrow();
    expect(page.url).toBe("https://app.example/next");
  });
});
