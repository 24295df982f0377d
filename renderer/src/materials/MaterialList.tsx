import { Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { memo, useMemo } from 'react';
import { compareTitles, materialKindLabels, type Indicator, type Material, type MaterialKind } from '../../../shared/domain';
import { formatDate } from '../common/format';
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
  emptyText: string;
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
  onOpen?: (material: Material) => void;
  /** Height of the scrolling area: the list is virtualized, so 20,000 rows draw as fast as 20. */
  height?: number;
}

type SortOrder = 'ascend' | 'descend' | null;
const kindFilters = (Object.keys(materialKindLabels) as MaterialKind[]).map((k) => ({ text: materialKindLabels[k], value: k }));

/** A cell of a loaded row; a pending row draws blank there (its title cell asks for the record). */
const loaded =
  (render: (m: Material) => React.ReactNode) =>
  (_: unknown, entry: ListEntry): React.ReactNode =>
    isPending(entry) ? null : render(entry);

const byTitle = (a: ListEntry, b: ListEntry) => (isPending(a) || isPending(b) ? 0 : compareTitles(a.title, b.title));
const byDate = (a: ListEntry, b: ListEntry) => (isPending(a) || isPending(b) ? 0 : a.date.localeCompare(b.date));

/** Sorting and the kind filter: by the core for a windowed list, here otherwise. */
function ordering(order: ListOrder | undefined, key: 'title' | 'date') {
  if (!order) return { sorter: key === 'title' ? byTitle : byDate };
  const sortOrder: SortOrder = order.sort === key ? (order.descending ? 'descend' : 'ascend') : null;
  return { sorter: true, sortOrder };
}

/**
 * The materials as a virtualized table: thumbnail or file icon, 题名, kind, date, pages, notes.
 * Memoized: with 20,000 rows every pass of the table over its data counts.
 */
export const MaterialList = memo(function MaterialList(props: Props) {
  const { materials, paging, loading, indicators, highlight, snippets, emptyText, selectedIds, onSelect, onOpen } = props;
  const order = paging?.order;
  const need = paging?.need;
  const columns = useMemo((): TableColumnsType<ListEntry> => {
    const cols: TableColumnsType<ListEntry> = [
      { key: 'thumb', title: '', width: 72, render: loaded((m) => <MaterialThumb material={m} />) },
      {
        key: 'title',
        title: '题名',
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
        width: 100,
        filters: kindFilters,
        ...(order ? { filteredValue: order.kinds } : { onFilter: (value, entry) => entry.kind === value }),
        render: (_, entry) => <Tag>{materialKindLabels[entry.kind]}</Tag>,
      },
      {
        key: 'date',
        title: '日期',
        width: 112,
        ...ordering(order, 'date'),
        render: loaded((m) => (m.date ? formatDate(m.date) : <Typography.Text type="secondary">—</Typography.Text>)),
      },
      {
        key: 'pages',
        title: '页数',
        width: 64,
        align: 'right',
        render: loaded((m) => m.pages ?? <Typography.Text type="secondary">—</Typography.Text>),
      },
    ];
    if (indicators) {
      cols.push({
        key: 'indicators',
        title: '所属指标',
        width: 160,
        render: loaded((m) => <IndicatorTags ids={m.indicatorIds} indicators={indicators} />),
      });
    }
    cols.push({ key: 'note', title: '备注', width: 200, render: loaded((m) => <NoteCell material={m} />) });
    return cols;
  }, [indicators, highlight, snippets, onOpen, order, need]);

  const onChange: TableProps<ListEntry>['onChange'] = (_pagination, filters, sorter) => {
    if (!paging) return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? s.columnKey : undefined;
    paging.onOrder({
      sort: key === 'title' || key === 'date' ? key : 'filing',
      descending: s?.order === 'descend',
      kinds: (filters.kind ?? []) as MaterialKind[],
    });
  };

  const selected = new Set(selectedIds ?? []);
  return (
    <Table<ListEntry>
      data-testid="material-list"
      rowKey="id"
      size="small"
      virtual
      scroll={{ y: props.height ?? 560, x: 760 }}
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
      footer={materials.length > 0 ? () => `共 ${materials.length} 份材料` : undefined}
    />
  );
});
