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
    removeEventListener: (type, listener) => events.removeEventListener(type, listener),
    fire: (type) => events.dispatchEvent(new Event(type)),
  };
  return { host, page, originals: { pushState: history.pushState, replaceState: history.replaceState } };
}

describe("watchUrlChanges", () => {
  it("sees pushState, replaceState, popstate and hashchange, after the URL has moved", () => {
    const { host, page } = fakeWindow();
    const seen: string[] = [];
    watchUrlChanges(host, () => seen.push(page.url));
    host.history.pushState({ step: 1 }, "", "/cart");
    host.history.replaceState(null, "", "/cart?coupon=1");
    page.url = "https://app.example/";
    host.fire("popstate");
    page.url = "https://app.example/#/settings";
    host.fire("hashchange");
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

  it("puts the page's own methods back when stopped, and hears nothing more", () => {
    const { host, originals } = fakeWindow();
    let calls = 0;
    const stop = watchUrlChanges(host, () => calls++);
    expect(host.history.pushState).not.toBe(originals.pushState);
    stop();
    expect(host.history.pushState).toBe(originals.pushState);
    expect(host.history.replaceState).toBe(originals.replaceState);
    host.history.pushState(null, "", "/later");
    host.fire("popstate");
    host.fire("hashchange");
    expect(calls).toBe(0);
  });

  it("leaves a wrapper another script put on top in place, and goes quiet inside it", () => {
    const { host } = fakeWindow();
    let calls = 0;
    const stop = watchUrlChanges(host, () => calls++);
    const ours = host.history.pushState;
    const theirs = function (this: History, ...args: Parameters<History["pushState"]>) {
      return ours.apply(this, args);
    };
    (host.history as { pushState: History["pushState"] }).pushState = theirs;
    stop();
    expect(host.history.pushState).toBe(theirs);
    host.history.pushState(null, "", "/still-works");
    expect(calls).toBe(0);
  });
});
