// Behaviour of the demo shop: a cart counter, a checkout that "places" the order without sending
// anything anywhere, and one button that does nothing, so dead and rage clicks show in reports.
document.addEventListener("DOMContentLoaded", () => {
  let cart = 0;
  for (const button of document.querySelectorAll("[data-add-to-cart]")) {
    button.addEventListener("click", () => {
      cart += 1;
      const badge = document.querySelector("[data-cart-count]");
      if (badge) badge.textContent = String(cart);
    });
  }
  const form = document.querySelector("form[data-checkout]");
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    const notice = document.querySelector("[data-order-placed]");
    if (notice) notice.hidden = false;
  });
  for (const search of document.querySelectorAll("form[data-search]")) {
    search.addEventListener("submit", (event) => event.preventDefault());
  }
});
