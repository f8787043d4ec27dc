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
 * Windowing for a table of `count` rows of about `rowHeight` pixels inside the scrolling
 * element `container`: only the rows in view (plus a margin) are rendered.
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  container: RefObject<HTMLElement>,
): VirtualWindow {
  const [scroll, setScroll] = useState({
    top: 0,
    height: INITIAL_VIEWPORT_PX,
  });
  const measure = useCallback(() => {
    const element = container.current;
    if (element) {
      setScroll({
        top: element.scrollTop,
        height: element.clientHeight || INITIAL_VIEWPORT_PX,
      });
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
