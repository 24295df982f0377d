import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The height of an element as the window and what is around it change (a filling virtual
 * table); null until it is measured, which happens before the first paint, so that what fills
 * the element is drawn once at its real size rather than once at a guess and again. Measuring
 * forces a layout of the page, so only while `enabled`.
 */
export function useElementHeight<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    const measure = () => setHeight(Math.floor(el.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [enabled]);
  return { ref, height };
}
