import { createSignal } from "solid-js";

/**
 * The cursors a newest-first list has followed, so Newer can go back: the last one is the page
 * shown (`undefined` for the newest). The audit, compliance and complaints stores keep the same
 * trail inline; new lists use this one.
 */
export function createCursorTrail() {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  return {
    cursor: () => cursors()[cursors().length - 1],
    pageNumber: () => cursors().length,
    older(nextCursor: string | null | undefined) {
      if (nextCursor) setCursors([...cursors(), nextCursor]);
    },
    newer() {
      if (cursors().length > 1) setCursors(cursors().slice(0, -1));
    },
    restart() {
      setCursors([undefined]);
    },
  };
}
