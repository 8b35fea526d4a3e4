// Browser (renderer). The arithmetic of a virtualized list: which items of a fixed-size run
// are on screen for a given scroll position. Pure so that it can be tested without a DOM; the
// preview grid uses it for rows and for columns alike.

export interface WindowInput {
  /** Pixels scrolled from the start of the items. May be negative (elastic scrolling). */
  scrollOffset: number;
  /** Pixels of the items that are visible. */
  viewportSize: number;
  /** Fixed size of one item in pixels. */
  itemSize: number;
  itemCount: number;
  /** Extra items rendered before and after the visible ones so fast scrolling shows no gaps. */
  overscan: number;
}

export interface WindowRange {
  /** First item to render (inclusive). */
  start: number;
  /** Item after the last one to render (exclusive); start === end means nothing to render. */
  end: number;
  /** Pixel position of `start`. */
  offset: number;
  /** Pixel size of all items together. */
  totalSize: number;
}

const finite = (n: number, fallback: number) => (Number.isFinite(n) ? n : fallback);

export function visibleRange(input: WindowInput): WindowRange {
  const count = Math.max(0, Math.floor(finite(input.itemCount, 0)));
  const size = Math.max(1, finite(input.itemSize, 1));
  const overscan = Math.max(0, Math.floor(finite(input.overscan, 0)));
  const totalSize = count * size;
  if (count === 0) return { start: 0, end: 0, offset: 0, totalSize };

  // Before the first measurement the viewport can be 0: still render a first screenful so the
  // grid never flashes empty.
  const viewport = Math.max(0, finite(input.viewportSize, 0)) || size * 20;
  const maxScroll = Math.max(0, totalSize - viewport);
  const scroll = Math.min(Math.max(0, finite(input.scrollOffset, 0)), maxScroll);

  const firstVisible = Math.min(count - 1, Math.floor(scroll / size));
  const lastVisible = Math.min(count - 1, Math.ceil((scroll + viewport) / size) - 1);
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, Math.max(firstVisible, lastVisible) + 1 + overscan);
  return { start, end, offset: start * size, totalSize };
}
