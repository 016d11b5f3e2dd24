/**
 * The tenant pages of the browser tests. `snippet` is the installation snippet exactly as a tenant
 * pastes it, or "" for the same page without the recorder; `moduleSnippet` starts the recorder
 * from the ES module build instead.
 */
export function hostPage(name: string, snippet: (attributes?: string) => string, moduleSnippet: string): string | undefined {
  switch (name) {
    case "checkout-module.html":
      return checkoutPage(moduleSnippet);
    case "checkout.html":
      return checkoutPage(snippet());
    case "checkout-consented.html":
      return checkoutPage(snippet(' data-consent="granted"'));
    case "host-with-recorder.html":
      return hostBehaviourPage(snippet());
    case "host-without-recorder.html":
      return hostBehaviourPage("");
    case "spa.html":
      return singlePageApplication(snippet());
    case "blank.html":
      return "<!doctype html><title>Elsewhere</title><p>Another page of the site, without the recorder.</p>";
    default:
      return undefined;
  }
}

function checkoutPage(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Checkout</title></head>
<body>
  <h1 class="greeting">Welcome back, Jane Roe</h1>
  <form id="checkout">
    <label>E-mail <input id="email" type="email" name="email"></label>
    <label>Password <input id="password" type="password" name="password"></label>
    <label>Card number <input id="card" name="cardnumber" autocomplete="cc-number" inputmode="numeric"></label>
    <label>Notes <textarea id="notes" name="notes"></textarea></label>
    <label>Search <input id="search" type="search" name="q"></label>
    <label>Country <select id="country" name="country"><option value="">Choose</option><option value="DE">Germany</option><option value="GB">United Kingdom of Great Britain</option></select></label>
    <label>Size <input id="size-s" type="radio" name="size" value="S"> <input id="size-xxl" type="radio" name="size" value="XXL"></label>
    <label>Remembered password <input id="remembered" type="password" value="Stored-SECRET-pw"></label>
    <label>Promo code <input id="promo" name="promo" value="Prefilled-SECRET-code"></label>
  </form>
  <script>
    // A script clears a field the server rendered with a value: rrweb keeps the markup's value.
    document.getElementById("promo").value = "";
  </script>
  <p style="height: 3000px">Long content.</p>
  ${snippet}
</body>
</html>`;
}

/**
 * A page whose own scripts do what pages do: listen, fetch, throw. What it observes goes to
 * `window.hostLog`, which must read the same with and without the recorder.
 */
function hostBehaviourPage(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host</title></head>
<body>
  <button id="load" type="button">Load</button>
  <input id="field" name="field">
  <script>
    window.hostLog = [];
    window.addEventListener("error", (event) => hostLog.push("error: " + event.message));
    window.addEventListener("unhandledrejection", (event) => hostLog.push("rejection: " + event.reason));
    document.getElementById("field").addEventListener("input", (event) => hostLog.push("input: " + event.target.value));
    document.getElementById("load").addEventListener("click", async () => {
      const response = await fetch("/site/api", { method: "POST", body: "x" });
      hostLog.push("fetch: " + response.status + " " + JSON.stringify(await response.json()));
    });
    setTimeout(() => {
      throw new Error("the page's own bug");
    }, 0);
    Promise.reject("the page's own rejection");
  </script>
  ${snippet}
</body>
</html>`;
}

/**
 * A single-page application: its buttons change the URL through the history API and the hash,
 * rendering each route without loading a page.
 */
function singlePageApplication(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>App</title></head>
<body>
  <nav>
    <button id="to-cart" type="button">Cart</button>
    <button id="filter" type="button">Filter</button>
    <button id="to-settings" type="button">Settings</button>
    <a id="to-footer" href="#footer">Contact</a>
  </nav>
  <main id="view">Home</main>
  <footer id="footer">Contact us</footer>
  <script>
    const render = (text) => (document.getElementById("view").textContent = text);
    document.getElementById("to-cart").addEventListener("click", () => { history.pushState({}, "", "/site/cart"); render("Cart"); });
    document.getElementById("filter").addEventListener("click", () => { history.replaceState({}, "", "/site/cart?sort=price"); render("Cart, by price"); });
    document.getElementById("to-settings").addEventListener("click", () => { location.hash = "#/settings"; render("Settings"); });
    window.addEventListener("popstate", () => render("Back"));
  </script>
  ${snippet}
</body>
</html>`;
}
