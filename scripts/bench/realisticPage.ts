/**
 * A product page the size of a real shop's (the demo pages' full snapshots are ~16 kB raw, real
 * product pages 10-100x that): a catalogue grid with images by local URL, inline data-URI
 * banners, a large specification table that sorts, reviews, a long article, and a checkout form
 * with a long country list. Generated from a fixed seed, so every run records the same page;
 * no network: the images are generated bitmaps, served by the bench itself (storagePart.ts).
 */
export interface RealisticPage {
  html: string;
  /** Paths of the images the page references by URL, with their bytes. */
  images: Map<string, Buffer>;
}

/** The page's HTML is at least this big (bytes), or generating it fails. */
export const minimumPageBytes = 500_000;

const words = (
  "merino wool jacket trail light warm breathable seam pocket zip hood collar cuff lining stitch outdoor rain wind layer " +
  "fit size colour slate moss clay navy stone weave knit fleece recycled organic cotton linen leather sole grip lace boot " +
  "pack strap frame volume litre hike city travel commute weekend season winter summer spring autumn review quality comfort"
).split(" ");

export function generateRealisticPage(recorderScriptUrl: string, siteKey: string): RealisticPage {
  const random = seededRandom(0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (count: number) => {
    const text = Array.from({ length: count }, () => pick(words)).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(random() * 10))).join(" ");
  const images = new Map<string, Buffer>();

  const cards = Array.from({ length: 90 }, (_, index) => {
    const path = `/img/product-${index}.bmp`;
    images.set(path, bitmap(160, 120, random));
    return `<article class="card" data-sku="SKU-${10_000 + index}">
  <img src="${path}" width="160" height="120" alt="${sentence(4)}" loading="lazy">
  <h3>${sentence(3)}</h3><p>${paragraph(2)}</p>
  <p class="price">EUR ${(19 + random() * 280).toFixed(2)}</p>
  <label>Size <select name="size-${index}">${["XS", "S", "M", "L", "XL", "XXL"].map((size) => `<option>${size}</option>`).join("")}</select></label>
  <button type="button" class="add" data-add>Add to basket</button>
</article>`;
  });
  const banners = Array.from({ length: 16 }, (_, index) => {
    const data = bitmap(72, 48, random).toString("base64");
    return `<figure class="banner"><img src="data:image/bmp;base64,${data}" width="72" height="48" alt="Banner ${index + 1}"><figcaption>${sentence(6)}</figcaption></figure>`;
  });
  const columns = ["SKU", "Name", "Material", "Weight (g)", "Warmth", "Stock", "Price (EUR)"];
  const rows = Array.from({ length: 850 }, (_, index) =>
    [
      `SKU-${20_000 + index}`,
      sentence(3),
      `${pick(words)} ${pick(words)}`,
      String(200 + Math.floor(random() * 1_400)),
      String(1 + Math.floor(random() * 5)),
      String(Math.floor(random() * 400)),
      (9 + random() * 400).toFixed(2),
    ],
  );
  const table = `<table id="specs"><thead><tr>${columns.map((title, index) => `<th><button type="button" data-sort="${index}">${title}</button></th>`).join("")}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("\n")}</tbody></table>`;
  const reviews = Array.from(
    { length: 340 },
    (_, index) => `<li class="review"><strong>${sentence(2)}</strong> <span class="stars">${"*".repeat(1 + (index % 5))}</span><p>${paragraph(3)}</p></li>`,
  );
  const article = Array.from({ length: 220 }, (_, index) => (index % 12 === 0 ? `<h3>${sentence(4)}</h3>` : `<p>${paragraph(4)}</p>`));
  const countries = Array.from({ length: 250 }, (_, index) => `<option value="C${index}">${sentence(2).slice(0, -1)}</option>`);
  const field = (id: string, label: string, type = "text") => `<label for="${id}">${label}</label><input id="${id}" name="${id}" type="${type}" autocomplete="off">`;
  const form = `<form id="checkout" onsubmit="event.preventDefault(); document.querySelector('#placed').hidden = false;">
${field("name", "Full name")}${field("email", "Email", "email")}${field("phone", "Phone", "tel")}
${field("address", "Street and number")}${field("city", "City")}${field("postcode", "Postcode")}
<label for="country">Country</label><select id="country" name="country">${countries.join("")}</select>
${field("card-number", "Card number")}${field("card-expiry", "Expiry")}${field("card-csc", "Security code")}
${Array.from({ length: 24 }, (_, index) => `<label><input type="checkbox" name="option-${index}"> ${sentence(5)}</label>`).join("\n")}
<fieldset><legend>Delivery</legend>${["Standard", "Express", "Pick-up point", "Next day"].map((name) => `<label><input type="radio" name="delivery" value="${name}"> ${name}</label>`).join("")}</fieldset>
<label for="notes">Notes</label><textarea id="notes" name="notes" rows="4"></textarea>
<button type="submit">Place order</button><p id="placed" hidden>Thank you, your order is placed.</p>
</form>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trail jacket - Bench outfitters</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d232a; }
header, main, footer { padding: 16px 32px; } header { background: #243b35; color: #fff; position: sticky; top: 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }
.card { border: 1px solid #d6dde3; border-radius: 8px; padding: 12px; } .card img { width: 100%; height: auto; }
.banners { display: flex; flex-wrap: wrap; gap: 12px; } table { border-collapse: collapse; width: 100%; font-size: 14px; }
td, th { border-bottom: 1px solid #e3e8ec; padding: 4px 8px; text-align: left; } form { display: grid; gap: 8px; max-width: 640px; }
.review { margin-bottom: 12px; } #basket { float: right; }
</style></head>
<body>
<header><strong>Bench outfitters</strong> <nav><a href="#catalogue">Catalogue</a> <a href="#specs">Specifications</a> <a href="#reviews">Reviews</a> <a href="#checkout">Checkout</a></nav>
<span id="basket">Basket: <output id="count">0</output> items</span>
<input id="search" type="search" placeholder="Search the shop"></header>
<main>
<section class="banners">${banners.join("\n")}</section>
<section id="catalogue"><h2>Catalogue</h2><div class="grid">${cards.join("\n")}</div></section>
<section><h2>Specifications</h2>${table}</section>
<section id="reviews"><h2>Reviews</h2><ul>${reviews.join("\n")}</ul></section>
<section id="journal"><h2>From the journal</h2>${article.join("\n")}</section>
<section><h2>Checkout</h2>${form}</section>
</main>
<footer>${paragraph(3)}</footer>
<script>
document.addEventListener("click", (event) => {
  const target = event.target;
  if (target.matches("[data-add]")) {
    const count = document.querySelector("#count");
    count.value = String(Number(count.value) + 1);
    target.textContent = "Added";
  }
  if (target.matches("[data-sort]")) {
    const column = Number(target.dataset.sort);
    const body = document.querySelector("#specs tbody");
    const rows = [...body.rows].sort((a, b) => a.cells[column].textContent.localeCompare(b.cells[column].textContent, "en", { numeric: true }));
    body.append(...rows);
  }
});
</script>
<script async src="${recorderScriptUrl}" data-site-key="${siteKey}"></script>
</body></html>
`;
  const bytes = Buffer.byteLength(html);
  if (bytes < minimumPageBytes) throw new Error(`the realistic page is ${bytes} bytes of HTML, less than ${minimumPageBytes}`);
  return { html, images };
}

/** A 24-bit BMP of soft noise: a valid image of a photo's entropy, made without any library. */
function bitmap(width: number, height: number, random: () => number): Buffer {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + rowBytes * height);
  file.write("BM", 0, "ascii");
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(rowBytes * height, 34);
  const base = [random() * 255, random() * 255, random() * 255];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 3; channel++) {
        const value = (base[channel] as number) + (x + y) * 0.4 + (random() - 0.5) * 60;
        file[54 + y * rowBytes + x * 3 + channel] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return file;
}

/** mulberry32: a small PRNG, so the page is the same in every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
