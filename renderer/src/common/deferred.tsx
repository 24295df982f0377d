import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component loaded when first drawn, so the start of the app parses and draws only the main
 * screen. `load` picks the named export: `deferred(() => import('./X').then((m) => m.X))`.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

/**
 * Draw a dialog only from the first time it opens, then keep it (its closing animation and
 * its state survive). Until then nothing of it is loaded, drawn or fetched.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
