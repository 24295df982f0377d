import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { materialKindLabels, type Indicator, type Material, type MaterialKind } from '../../../shared/domain';
import { formatDate, formatSize } from '../common/format';
import { Highlight } from '../search/Highlight';
import { MaterialThumb } from './MaterialThumb';
import { setDraggedMaterials } from './dragMaterials';

interface Props {
  materials: Material[];
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

export const NOT_MERGEABLE = '加密文件，无法合并入迎检资料';

/** The materials as a virtualized table: thumbnail or file icon, 题名, kind, date, pages, notes. */
export function MaterialList(props: Props) {
  const { materials, loading, indicators, highlight, snippets, emptyText, selectedIds, onSelect, onOpen } = props;
  const columns = useMemo((): TableColumnsType<Material> => {
    const cols: TableColumnsType<Material> = [
      { key: 'thumb', title: '', width: 72, render: (_, m) => <MaterialThumb material={m} /> },
      {
        key: 'title',
        title: '题名',
        sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
        render: (_, m) => (
          <div style={{ minWidth: 0 }}>
            <a
              onClick={(e) => {
                e.preventDefault();
                onOpen?.(m);
              }}
              href="#"
              data-testid="material-title"
              title="查看详情和预览"
            >
              <Highlight text={m.title} query={highlight ?? ''} />
            </a>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.kind === 'photo_group' ? `${m.photos.length} 张照片` : m.originalName} · {formatSize(m.size)}
              </Typography.Text>
            </div>
            {snippets?.get(m.id) && (
              <div data-testid="search-snippet" style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                <Highlight text={snippets.get(m.id)!} query={highlight ?? ''} />
              </div>
            )}
          </div>
        ),
      },
      {
        key: 'kind',
        title: '类别',
        width: 100,
        filters: (Object.keys(materialKindLabels) as MaterialKind[]).map((k) => ({ text: materialKindLabels[k], value: k })),
        onFilter: (value, m) => m.kind === value,
        render: (_, m) => <Tag>{materialKindLabels[m.kind]}</Tag>,
      },
      {
        key: 'date',
        title: '日期',
        width: 112,
        sorter: (a, b) => a.date.localeCompare(b.date),
        render: (_, m) => (m.date ? formatDate(m.date) : <Typography.Text type="secondary">—</Typography.Text>),
      },
      {
        key: 'pages',
        title: '页数',
        width: 64,
        align: 'right',
        render: (_, m) => m.pages ?? <Typography.Text type="secondary">—</Typography.Text>,
      },
    ];
    if (indicators) {
      cols.push({
        key: 'indicators',
        title: '所属指标',
        width: 160,
        render: (_, m) =>
          m.indicatorIds.length === 0 ? (
            <Typography.Text type="secondary">未归类</Typography.Text>
          ) : (
            m.indicatorIds.map((id) => {
              const ind = indicators.get(id);
              return (
                <Tooltip key={id} title={ind?.title}>
                  <Tag>{ind?.code ?? id}</Tag>
                </Tooltip>
              );
            })
          ),
      });
    }
    cols.push({
      key: 'note',
      title: '备注',
      width: 200,
      render: (_, m) => (
        <>
          {!m.mergeable && (
            <Tag color="orange" data-testid="not-mergeable" style={{ whiteSpace: 'normal' }}>
              {NOT_MERGEABLE}
            </Tag>
          )}
          {m.note && <Typography.Text>{m.note}</Typography.Text>}
        </>
      ),
    });
    return cols;
  }, [indicators, highlight, snippets, onOpen]);

  const selected = new Set(selectedIds ?? []);
  return (
    <Table<Material>
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
}
