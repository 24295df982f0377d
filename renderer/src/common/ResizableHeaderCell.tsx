import type { ThHTMLAttributes } from 'react';

/** Narrowest a dragged column gets: its header still reads. */
const MIN_WIDTH = 40;

export interface ResizableHeaderProps extends ThHTMLAttributes<HTMLTableCellElement> {
  /** Given by a column that can be resized (onHeaderCell); called while its edge is dragged. */
  onResizeWidth?: (width: number) => void;
}

/**
 * A table header cell whose right edge can be dragged to change the column's width
 * (Table `components.header.cell`). The drag never reaches the header's sort click.
 */
export function ResizableHeaderCell({ onResizeWidth, children, ...rest }: ResizableHeaderProps) {
  if (!onResizeWidth) return <th {...rest}>{children}</th>;
  const start = (e: React.MouseEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const th = e.currentTarget.parentElement!;
    const startX = e.clientX;
    const startWidth = th.getBoundingClientRect().width;
    const move = (ev: MouseEvent) => onResizeWidth(Math.max(MIN_WIDTH, startWidth + ev.clientX - startX));
    const stop = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', stop);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', stop);
  };
  return (
    <th {...rest}>
      {children}
      <span
        className="dossier-column-resize"
        data-testid="column-resize"
        aria-hidden
        onMouseDown={start}
        onClick={(e) => e.stopPropagation()}
      />
    </th>
  );
}
