/**
 * The heatmap's colours: viridis (perceptually uniform, readable with every common colour-vision
 * deficiency and in greyscale), looked up from a table built once, so drawing a cell costs four
 * array reads rather than a colour interpolation.
 */

/** Viridis at ten evenly spaced points, dark (few) to light (many). */
const viridisStops = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"] as const;

export const paletteSize = 256;

/** Opacity from the coldest to the hottest entry: the page stays readable under cold cells. */
const minAlpha = 0.35;
const maxAlpha = 0.85;

function channels(hex: string): [number, number, number] {
  return [Number.parseInt(hex.slice(1, 3), 16), Number.parseInt(hex.slice(3, 5), 16), Number.parseInt(hex.slice(5, 7), 16)];
}

/** RGBA for 256 levels, entry `i` at offset `4 * i`. */
export function buildPalette(): Uint8ClampedArray {
  const table = new Uint8ClampedArray(paletteSize * 4);
  const stops = viridisStops.map(channels);
  for (let level = 0; level < paletteSize; level++) {
    const at = (level / (paletteSize - 1)) * (stops.length - 1);
    const lower = Math.min(stops.length - 2, Math.floor(at));
    const fraction = at - lower;
    const from = stops[lower]!;
    const to = stops[lower + 1]!;
    for (let channel = 0; channel < 3; channel++) table[level * 4 + channel] = Math.round(from[channel]! + (to[channel]! - from[channel]!) * fraction);
    table[level * 4 + 3] = Math.round(255 * (minAlpha + (maxAlpha - minAlpha) * (level / (paletteSize - 1))));
  }
  return table;
}

export const palette: Uint8ClampedArray = buildPalette();

/** The level of a count against the largest count: 1 is level 0 (still drawn), the largest is the top. */
export function levelOf(count: number, maxCount: number): number {
  if (!(count > 0) || !(maxCount > 0)) return 0;
  return Math.min(paletteSize - 1, Math.round((Math.min(count, maxCount) / maxCount) * (paletteSize - 1)));
}

/** A CSS colour of an entry, for the legend's gradient (opaque: the legend sits on white). */
export function cssColourOf(level: number): string {
  const at = Math.max(0, Math.min(paletteSize - 1, Math.round(level))) * 4;
  return `rgb(${palette[at]}, ${palette[at + 1]}, ${palette[at + 2]})`;
}

/** The palette level nearest an RGB colour: how a test reads a heat back off the canvas. */
export function nearestLevel(red: number, green: number, blue: number): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let level = 0; level < paletteSize; level++) {
    const at = level * 4;
    const distance = (palette[at]! - red) ** 2 + (palette[at + 1]! - green) ** 2 + (palette[at + 2]! - blue) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = level;
    }
  }
  return best;
}
