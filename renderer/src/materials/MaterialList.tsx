import { Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import { memo, useMemo, type ReactNode } from 'react';
import { compareTitles, defaultMaterialSort, materialKindLabels, type Indicator, type Material, type MaterialKind, type MaterialSortKey } from '../../../shared/domain';
import { formatDate } from '../common/format';
import { Muted } from '../common/Muted';
import { ResizableHeaderCell } from '../common/ResizableHeaderCell';
import { useColumnWidths, type ColumnWidths } from '../common/useColumnWidths';
import { paintTimed } from '../common/paintTimed';
import { useElementHeight } from '../common/useElementHeight';
import { IndicatorTags, NoteCell, TitleCell } from './MaterialCells';
import { MaterialThumb } from './MaterialThumb';
import { PendingRow, RowFetch } from './PendingRow';
import { setDraggedMaterials } from './dragMaterials';
import { isPending, type ListEntry } from './listEntry';
import type { ListOrder } from './useMaterialWindow';

/** The windowed list: rows fetched as they are drawn; order and kind filter applied by the core. */
export interface ListWindow {
  need: (id: number) => void;
  order: ListOrder;
  onOrder: (order: ListOrder) => void;
}

interface Props {
  materials: ListEntry[];
  /** Without it every row is at hand, and sorting and filtering happen here (search results). */
  paging?: ListWindow;
  loading: boolean;
  /** Show which indicators each material is filed under (全部材料, search results). */
  indicators?: Map<number, Indicator>;
  /** Mark this text in the titles (search results). */
  highlight?: string;
  /** Text around the match per material (search results). */
  snippets?: Map<number, string>;
  emptyText: ReactNode;
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
  onOpen?: (material: Material) => void;
  /** Fill the element around it (its height set by the layout), rather than a fixed height. */
  fill?: boolean;
}

/** From this many rows the table is virtualized, so 20,000 rows draw as fast as 20. */
export const VIRTUAL_FROM = 100;
/** The scrolling rows' height when not filling. */
const FIXED_HEIGHT = 560;
/** Header row and footer of the table, around its scrolling rows. */
const LIST_CHROME = 72;

type SortOrder = 'ascend' | 'descend' | null;
const kindFilters = (Object.keys(materialKindLabels) as MaterialKind[]).map((k) => ({ text: materialKindLabels[k], value: k }));

/** A cell of a loaded row; a pending row draws blank there (its title cell asks for the record). */
const loaded =
  (render: (m: Material) => React.ReactNode) =>
  (_: unknown, entry: ListEntry): React.ReactNode =>
    isPending(entry) ? null : render(entry);

const byTitle = (a: ListEntry, b: ListEntry) => (isPending(a) || isPending(b) ? 0 : compareTitles(a.title, b.title));
const byDate = (a: ListEntry, b: ListEntry) =>
  isPending(a) || isPending(b) ? 0 : a.date.localeCompare(b.date) || compareTitles(a.title, b.title);

/** Sorting and the kind filter: by the core for a windowed list, here otherwise. */
function ordering(order: ListOrder | undefined, key: 'title' | 'date') {
  if (!order) return { sorter: key === 'title' ? byTitle : byDate };
  const sortOrder: SortOrder = order.sort === key ? (order.descending ? 'descend' : 'ascend') : null;
  return { sorter: true, sortOrder };
}

/** Widths before a clerk drags any: an empty column stays narrow, 题名 takes what is left. */
const wide = { kind: 84, date: 100, pages: 56, indicators: 200, note: 140 };
const narrow = { pages: 48, indicators: 76, note: 56 };
/** 题名 gets at least this much before the table scrolls sideways. */
const TITLE_MIN = 280;

/** Which optional columns have something to show in the rows at hand. */
function filledColumns(materials: ListEntry[]) {
  const filled = { pages: false, indicators: false, note: false };
  for (const m of materials) {
    if (isPending(m)) continue;
    filled.pages ||= m.pages !== null && m.pages !== undefined;
    filled.indicators ||= m.indicatorIds.length > 0;
    filled.note ||= Boolean(m.note) || !m.mergeable;
    if (filled.pages && filled.indicators && filled.note) break;
  }
  return filled;
}

function widthOf(key: keyof typeof wide, widths: ColumnWidths, filled: Record<string, boolean>): number {
  if (widths[key]) return widths[key];
  return key in narrow && !filled[key] ? narrow[key as keyof typeof narrow] : wide[key];
}

/**
 * The materials as a virtualized table: thumbnail or file icon, 题名, kind, date, pages, notes.
 * Memoized: with 20,000 rows every pass of the table over its data counts.
 */
export const MaterialList = memo(function MaterialList(props: Props) {
  const { materials, paging, loading, indicators, highlight, snippets, emptyText, selectedIds, onSelect, onOpen, fill = false } = props;
  // A short list is one plain table that fills its place and scrolls under a sticky header by
  // CSS (app.css, .dossier-fill). Nothing is measured, so it is drawn once, at its size, in the
  // first frame: a scroll height would split it into a header table and a body table whose
  // columns are measured and drawn again. A virtual list needs its height in pixels.
  const virtual = materials.length >= VIRTUAL_FROM;
  const plainFill = fill && !virtual;
  const area = useElementHeight<HTMLDivElement>(fill && virtual);
  const order = paging?.order;
  const need = paging?.need;
  const { widths, resize } = useColumnWidths('materials');
  const filled = useMemo(() => filledColumns(materials), [materials]);
  const columns = useMemo((): TableColumnsType<ListEntry> => {
    const w = (key: keyof typeof wide) => widthOf(key, widths, filled);
    const cols: TableColumnsType<ListEntry> = [
      { key: 'thumb', title: '', width: 40, render: loaded((m) => <MaterialThumb material={m} />) },
      {
        key: 'title',
        title: '题名',
        width: widths.title,
        ellipsis: true,
        ...ordering(order, 'title'),
        render: (_, entry) =>
          isPending(entry) ? (
            <PendingRow id={entry.id} need={need} />
          ) : (
            <>
              {need && <RowFetch id={entry.id} need={need} />}
              <TitleCell material={entry} highlight={highlight} snippet={snippets?.get(entry.id)} onOpen={onOpen} />
            </>
          ),
      },
      {
        key: 'kind',
        title: '类别',
        width: w('kind'),
        filters: kindFilters,
        ...(order ? { filteredValue: order.kinds } : { onFilter: (value, entry) => entry.kind === value }),
        render: (_, entry) => <Tag>{materialKindLabels[entry.kind]}</Tag>,
      },
      {
        key: 'date',
        title: '日期',
        width: w('date'),
        ...ordering(order, 'date'),
        render: loaded((m) => (m.date ? formatDate(m.date) : <Muted>—</Muted>)),
      },
      {
        key: 'pages',
        title: '页数',
        width: w('pages'),
        align: 'right',
        render: loaded((m) => m.pages ?? <Muted>—</Muted>),
      },
    ];
    if (indicators) {
      cols.push({
        key: 'indicators',
        title: '所属指标',
        width: w('indicators'),
        render: loaded((m) => <IndicatorTags ids={m.indicatorIds} indicators={indicators} />),
      });
    }
    cols.push({ key: 'note', title: '备注', width: w('note'), render: loaded((m) => <NoteCell material={m} />) });
    // Every column but the thumbnail can be widened or narrowed by dragging its header's edge.
    return cols.map((c) =>
      c.key === 'thumb'
        ? c
        : { ...c, onHeaderCell: () => ({ onResizeWidth: (width: number) => resize(String(c.key), width) }) as React.HTMLAttributes<HTMLElement> },
    );
  }, [indicators, highlight, snippets, onOpen, order, need, widths, filled, resize]);
  const scrollX = useMemo(
    () => columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : TITLE_MIN), onSelect ? 40 : 0),
    [columns, onSelect],
  );

  const onChange: TableProps<ListEntry>['onChange'] = (_pagination, filters, sorter) => {
    if (!paging) return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? s.columnKey : undefined;
    // A sort taken off goes back to a clerk's order (日期, then 题名), not to filing order.
    const chosen = key === 'title' || key === 'date' ? { sort: key as MaterialSortKey, descending: s?.order === 'descend' } : defaultMaterialSort;
    paging.onOrder({
      ...chosen,
      kinds: (filters.kind ?? []) as MaterialKind[],
    });
  };

  const selected = new Set(selectedIds ?? []);
  if (fill && virtual && area.height === null) return <div ref={area.ref} style={{ height: '100%' }} />;
  const table = (
    <Table<ListEntry>
      data-testid="material-list"
      rowKey="id"
      size="small"
      virtual={virtual}
      className="dossier-dense"
      scroll={plainFill ? undefined : { y: fill ? Math.max(120, area.height! - LIST_CHROME) : FIXED_HEIGHT, x: scrollX }}
      tableLayout="fixed"
      components={{ header: { cell: ResizableHeaderCell } }}
      columns={columns}
      dataSource={materials}
      loading={loading}
      locale={{ emptyText }}
      pagination={false}
      onChange={onChange}
      rowSelection={
        onSelect && {
          selectedRowKeys: selectedIds,
          onChange: (keys) => onSelect(keys.map(Number)),
          columnWidth: 40,
        }
      }
      onRow={(m) => ({
        draggable: true,
        'data-testid': 'material-row',
        onDragStart: (e: React.DragEvent) => {
          // Dragging a selected row drags the whole selection; onto an indicator it files them.
          setDraggedMaterials(e.dataTransfer, selected.has(m.id) ? [...selected] : [m.id]);
        },
      } as React.HTMLAttributes<HTMLElement>)}
      // elementtiming: the bench reads when the count was painted (Element Timing API).
      footer={materials.length > 0 ? () => <div {...paintTimed('material-count')}>共 {materials.length} 份材料</div> : undefined}
    />
  );
  return fill ? (
    <div
      ref={area.ref}
      className={plainFill ? 'dossier-fill' : undefined}
      style={{ height: '100%', ['--dossier-list-min-width' as string]: `${scrollX}px` }}
    >
      {table}
    </div>
  ) : (
    table
  );
});
