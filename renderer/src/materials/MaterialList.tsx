import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { materialKindLabels, type Indicator, type Material, type MaterialKind } from '../../../shared/domain';
import { formatDate, formatSize } from '../common/format';
import { usePlatform } from '../platformContext';
import { Highlight } from '../search/Highlight';
import { MaterialThumb } from './MaterialThumb';

interface Props {
  materials: Material[];
  loading: boolean;
  /** Show which indicators each material is filed under (全部材料, search results). */
  indicators?: Map<number, Indicator>;
  /** Mark this text in the titles (search results). */
  highlight?: string;
  emptyText: string;
}

export const NOT_MERGEABLE = '加密文件，无法合并入迎检资料';

/** The materials as a paged table: thumbnail or file icon, 题名, kind, date, pages, notes. */
export function MaterialList({ materials, loading, indicators, highlight, emptyText }: Props) {
  const { fileUrl } = usePlatform();
  const [pageSize, setPageSize] = useState(50);
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
              href={fileUrl(m.sha256, 'original')}
              target="_blank"
              rel="noreferrer"
              data-testid="material-title"
              title="打开原件"
            >
              <Highlight text={m.title} query={highlight ?? ''} />
            </a>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.originalName} · {formatSize(m.size)}
              </Typography.Text>
            </div>
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
            <Typography.Text type="secondary">未归入指标</Typography.Text>
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
  }, [fileUrl, indicators, highlight]);

  return (
    <Table<Material>
      data-testid="material-list"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={materials}
      loading={loading}
      locale={{ emptyText }}
      pagination={
        materials.length > 20 && {
          pageSize,
          onChange: (_page, size) => setPageSize(size),
          pageSizeOptions: [20, 50, 100, 200],
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 份材料`,
        }
      }
    />
  );
}
