import { useEffect, useState } from 'react';

/** Longest wait for a frame: a hidden window or tab draws none, and must not wait for one. */
const FRAME_WAIT_MS = 100;

/**
 * False while the component's first frame is drawn, true just after it has been painted. A
 * part of the screen that is not needed in the first look (the indicator tree beside the list)
 * is drawn then, so the first frame comes sooner and the rest follows a moment later.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => setPainted(true);
    // A task queued from the next frame's callback runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(done, 0);
    });
    const fallback = setTimeout(done, FRAME_WAIT_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [painted]);
  return painted;
}
