/**
 * The recorded events waiting to be sent, as JSON text (each event is serialised once, when it is
 * queued). Bounded in events and characters: when the collect server is slow or unreachable, the
 * oldest events are dropped first (the recent past is what a replay of the visit's end needs), and
 * the count of dropped events goes to the next batch, which reports it (`droppedEvents`).
 */
export interface EventQueue {
  push(json: string): void;
  /**
   * The oldest events, at most `maxEvents` of them and `maxChars` characters in all, but always at
   * least one (an event bigger than `maxChars` goes alone), with the drops since the last take.
   * Null when the queue is empty.
   */
  take(maxEvents: number, maxChars: number): QueueTake | null;
  /** Puts events taken but not sent back at the front (a keepalive batch over its budget). */
  putBack(take: QueueTake): void;
  /** Counts events lost elsewhere (a batch given up on) in the next take's `dropped`. */
  countDropped(events: number): void;
  readonly length: number;
  readonly chars: number;
}

export interface QueueTake {
  readonly events: string[];
  readonly dropped: number;
}

/** At most `maxQueuedEvents` events and `maxQueuedChars` characters wait; beyond that the oldest are dropped. */
export function createEventQueue(maxQueuedEvents: number, maxQueuedChars: number): EventQueue {
  let entries: string[] = [];
  let chars = 0;
  let dropped = 0;

  const dropOldestOverLimits = () => {
    while (entries.length > maxQueuedEvents || chars > maxQueuedChars) {
      chars -= (entries.shift() as string).length;
      dropped++;
    }
  };

  return {
    push(json) {
      if (json.length > maxQueuedChars) {
        dropped++;
        return;
      }
      entries.push(json);
      chars += json.length;
      dropOldestOverLimits();
    },
    take(maxEvents, maxChars) {
      const [first] = entries;
      if (first === undefined) return null;
      let count = 1;
      let takenChars = first.length;
      for (let next = entries[1]; next !== undefined && count < maxEvents && takenChars + next.length <= maxChars; next = entries[count]) {
        takenChars += next.length;
        count++;
      }
      chars -= takenChars;
      const take = { events: entries.splice(0, count), dropped };
      dropped = 0;
      return take;
    },
    putBack(take) {
      entries = [...take.events, ...entries];
      chars += take.events.join("").length;
      dropped += take.dropped;
      dropOldestOverLimits();
    },
    countDropped(events) {
      dropped += events;
    },
    get length() {
      return entries.length;
    },
    get chars() {
      return chars;
    },
  };
}
