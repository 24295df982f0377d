import { useEffect, useRef } from 'react';

// Popups the clerk opened on purpose and that are still open. Selects are asked through their
// combobox, which says it is closed at once; the dropdown itself is still drawn while it fades out.
const OPEN_POPUPS = [
  '[role="combobox"][aria-expanded="true"]',
  '.ant-dropdown-open',
  '.ant-popover-open',
  '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-leave"])',
  '.ant-modal-wrap:not([style*="display: none"])',
].join(', ');

/**
 * Esc closes the open drawer unless a dialog or an open dropdown is above it. The drawer is given
 * keyboard={false}: antd hands Esc to the newest of its popups, and a picker that had closed with
 * a save still held that place, so the clerk's first Esc after a save did nothing.
 */
export function useEscapeToClose(open: boolean, onClose: () => void): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    if (!open) return;
    // Looked at before any handler runs: a select closes itself on Esc before this one hears it.
    let popupWasOpen = false;
    const before = (e: KeyboardEvent) => {
      if (e.key === 'Escape') popupWasOpen = document.querySelector(OPEN_POPUPS) !== null;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing && !e.defaultPrevented && !popupWasOpen) latest.current();
    };
    window.addEventListener('keydown', before, true);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', before, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
}
