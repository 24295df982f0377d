import { useEffect, useRef } from 'react';

/** Typing in a field (or a dialog being open) keeps its keys: shortcuts do not fire there. */
export function typingOrDialog(target: EventTarget | null): boolean {
  const el = target instanceof HTMLElement ? target : null;
  if (el && (el.isContentEditable || el.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, select, [role="combobox"]'))) return true;
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open') !== null;
}

export type KeyHandlers = Partial<Record<'find' | 'selectAll' | 'delete' | 'open', () => void>>;

/** Ctrl+F (anywhere, even in a field), and Ctrl+A / Del / Enter outside fields and dialogs. */
export function useGlobalKeys(handlers: KeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current;
      const ctrl = e.ctrlKey || e.metaKey;
      let run: (() => void) | undefined;
      if (ctrl && e.key.toLowerCase() === 'f') run = h.find;
      else if (typingOrDialog(e.target)) return;
      else if (ctrl && e.key.toLowerCase() === 'a') run = h.selectAll;
      else if (e.key === 'Delete' && !ctrl) run = h.delete;
      else if (e.key === 'Enter' && !ctrl) run = h.open;
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
