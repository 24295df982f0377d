import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/** A component loaded when first drawn, or earlier by `preload()`. */
export type Deferred<P extends object> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * A component loaded when first drawn, so the start of the app parses and draws only the main
 * screen. `load` picks the named export: `deferred(() => import('./X').then((m) => m.X))`.
 * Once loaded (by `preload()`, say when the screen is idle), a new instance is drawn in the same
 * frame as its parent, not one frame later behind a Suspense boundary: a bar that appears above
 * the list then pushes it down at once, not under the clerk's next click.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        // A failed load (a chunk missing after an update) is tried again by the next draw.
        pending = null;
        throw err;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function DeferredComponent(props: P) {
    // Chosen once per instance: switching from Lazy to the loaded type would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return <Component {...props} />;
  }
  return Object.assign(DeferredComponent, { preload });
}

/** Load these when the screen has nothing else to do (at the latest after `timeoutMs`). */
export function preloadWhenIdle(components: { preload: () => Promise<unknown> }[], timeoutMs = 2000): () => void {
  const start = () => components.forEach((c) => void c.preload().catch(() => undefined));
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(start, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(start, timeoutMs);
  return () => clearTimeout(timer);
}

/**
 * Draw a dialog only from the first time it opens, then keep it (its closing animation and
 * its state survive). Until then nothing of it is loaded, drawn or fetched. `fallback` holds its
 * place while it loads.
 */
export function OnceOpened({ open, children, fallback = null }: { open: boolean; children: ReactNode; fallback?: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? <Suspense fallback={fallback}>{children}</Suspense> : null;
}
