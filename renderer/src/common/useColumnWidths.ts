import { useCallback, useState } from 'react';

/** Widths a clerk dragged, by column key; the rest keep their defaults. */
export type ColumnWidths = Record<string, number>;

const storageKey = (table: string) => `dossier.columns.${table}`;

function load(table: string): ColumnWidths {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(table)) ?? '{}');
    if (!saved || typeof saved !== 'object') return {};
    return Object.fromEntries(Object.entries(saved).filter(([, w]) => typeof w === 'number' && w > 0)) as ColumnWidths;
  } catch {
    // A damaged entry costs the clerk the widths, not the list.
    return {};
  }
}

/** Column widths of one table, remembered across starts of the app (localStorage). */
export function useColumnWidths(table: string) {
  const [widths, setWidths] = useState<ColumnWidths>(() => load(table));
  const resize = useCallback(
    (key: string, width: number) => {
      setWidths((old) => {
        const next = { ...old, [key]: Math.round(width) };
        localStorage.setItem(storageKey(table), JSON.stringify(next));
        return next;
      });
    },
    [table],
  );
  return { widths, resize };
}
