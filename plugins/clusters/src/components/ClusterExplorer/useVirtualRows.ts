import { RefObject, useCallback, useEffect, useState } from 'react';

/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 10;
/** What is rendered before the container has a size (and in tests, where none has one). */
const INITIAL_VIEWPORT_PX = 600;

/** The slice of rows to render in a scrolled container, and the space the others take. */
export type VirtualWindow = {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
};

/**
 * Windowing for a table of `count` rows inside the scrolling element `container`: only the
 * rows in view (plus a margin) are rendered. Row height is measured from a rendered body row
 * (`estimatedRowHeight` until there is one).
 */
export function useVirtualRows(
  count: number,
  estimatedRowHeight: number,
  container: RefObject<HTMLElement>,
): VirtualWindow {
  const [scroll, setScroll] = useState({
    top: 0,
    height: INITIAL_VIEWPORT_PX,
    rowHeight: estimatedRowHeight,
  });
  const measure = useCallback(() => {
    const element = container.current;
    if (element) {
      const row = element.querySelector('tbody tr:not([aria-hidden])');
      const measured = row?.getBoundingClientRect().height;
      setScroll(current => ({
        top: element.scrollTop,
        height: element.clientHeight || INITIAL_VIEWPORT_PX,
        rowHeight: measured || current.rowHeight,
      }));
    }
  }, [container]);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      element.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [container, measure]);
  // rows of another page or kind may be taller or shorter
  useEffect(measure, [count, measure]);
  const { rowHeight } = scroll;

  // the first row in view; a stale offset past a shorter list shows its end
  const first = Math.min(
    Math.floor(scroll.top / rowHeight),
    Math.max(0, count - Math.ceil(scroll.height / rowHeight)),
  );
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(
    count,
    first + Math.ceil(scroll.height / rowHeight) + OVERSCAN,
  );
  return {
    start,
    end,
    padTop: start * rowHeight,
    padBottom: Math.max(0, (count - end) * rowHeight),
  };
}
