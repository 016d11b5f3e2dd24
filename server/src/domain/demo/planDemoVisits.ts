import { createHash } from "node:crypto";
import type { DemoRecording } from "./demoRecordings.js";

/** One replay of a recording: who, from where, when. */
export interface PlannedVisit {
  recording: DemoRecording;
  /** When the visit starts, ms since the epoch; every recorded time is shifted by it. */
  startAt: number;
  /** What the recorder's cookies and page loads would have held: random-looking, never stored raw. */
  sessionId: string;
  visitorId: string;
  pageIds: string[];
  /** The visitor's address as the server would see it; ingestion keeps it truncated (MS-1.2). */
  ip: string;
}

export interface DemoVisitPlan {
  /** Random, kept with the seed's progress, so that a seeding resumed after a crash replays the same visits. */
  seed: string;
  plannedAt: Date;
  visits: number;
  days: number;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * The demo data's visits: `visits` replays of the recordings, spread over the `days` before
 * `plannedAt` (more in the evening than at night, none in the last five minutes), a quarter of
 * them by a visitor seen before. Everything is derived from `seed`, so the same plan always
 * yields the same visits, ids included. Addresses come from the ranges reserved for
 * documentation (RFC 5737, RFC 3849): plausible, and nobody's.
 */
export function planDemoVisits(plan: DemoVisitPlan, recordings: readonly DemoRecording[]): PlannedVisit[] {
  if (recordings.length === 0) return [];
  const random = seededRandom(plan.seed);
  const idOf = (label: string) => createHash("sha256").update(`${plan.seed}:${label}`).digest("base64url").slice(0, 22);
  const visitors: string[] = [];
  const planned: PlannedVisit[] = [];
  for (let index = 0; index < plan.visits; index++) {
    // Every recording at least once, then the others at random.
    const recording = recordings[index < recordings.length ? index : Math.floor(random() * recordings.length)] as DemoRecording;
    const latestStart = plan.plannedAt.getTime() - 5 * minute - recording.durationMs;
    const daysAgo = Math.floor(random() * plan.days);
    const midnight = Math.floor((plan.plannedAt.getTime() - daysAgo * day) / day) * day;
    const startAt = Math.min(latestStart - random() * 30 * minute, midnight + hourOfVisit(random()) * 60 * minute + random() * 60 * minute);
    const returning = visitors.length > 0 && random() < 0.25;
    const visitorId = returning ? (visitors[Math.floor(random() * visitors.length)] as string) : idOf(`visitor:${index}`);
    if (!returning) visitors.push(visitorId);
    planned.push({
      recording,
      startAt: Math.round(startAt),
      sessionId: idOf(`session:${index}`),
      visitorId,
      pageIds: recording.pageViews.map((_, page) => idOf(`page:${index}:${page}`)),
      ip: addressOf(random),
    });
  }
  return planned;
}

/** Hours of the day (UTC), weighted the way shops see visits: few at night, most in the evening. */
const hourWeights = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 6, 6, 5, 5, 5, 6, 8, 9, 9, 7, 4, 2];
const totalWeight = hourWeights.reduce((sum, weight) => sum + weight, 0);

function hourOfVisit(draw: number): number {
  let remaining = draw * totalWeight;
  for (const [hour, weight] of hourWeights.entries()) {
    remaining -= weight;
    if (remaining < 0) return hour;
  }
  return 23;
}

function addressOf(random: () => number): string {
  const byte = () => Math.floor(random() * 254) + 1;
  if (random() < 0.15) return `2001:db8:${byte().toString(16)}:${byte().toString(16)}::${byte().toString(16)}`;
  const network = ["192.0.2", "198.51.100", "203.0.113"][Math.floor(random() * 3)] as string;
  return `${network}.${byte()}`;
}

/** mulberry32, seeded from a hash of the seed: small, fast and the same everywhere. */
function seededRandom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
