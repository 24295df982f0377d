import { Button, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ImportMapping, ImportPreview } from '../../../shared/domain';
import { ROLE_OPTIONS, roleValue, withColumn } from './mappingRoles';

interface Props {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  onApply: () => void;
  busy: boolean;
}

/** Map columns by hand: what each column holds, which row is the header; then preview again. */
export function ColumnMappingEditor({ preview, mapping, onChange, onApply, busy }: Props) {
  const width = Math.max(0, ...preview.sampleRows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, col) => ({
    key: col,
    title: (
      <Select
        size="small"
        style={{ width: 110 }}
        aria-label={`第 ${col + 1} 列的内容`}
        data-testid={`mapping-col-${col}`}
        value={roleValue(mapping.columns.find((c) => c.col === col))}
        options={ROLE_OPTIONS}
        onChange={(value: string) => onChange(withColumn(mapping, col, value))}
      />
    ),
    render: (_: unknown, row: { cells: string[] }) => (
      <Typography.Text ellipsis style={{ maxWidth: 160 }}>
        {row.cells[col] ?? ''}
      </Typography.Text>
    ),
  }));
  return (
    <div data-testid="column-mapping">
      <Space wrap style={{ marginBottom: 8 }}>
        {preview.tables.length > 1 && (
          <Select
            size="small"
            aria-label="工作表"
            value={mapping.table}
            options={preview.tables.map((label, i) => ({ value: i, label }))}
            onChange={(table: number) => onChange({ ...mapping, table, headerRow: 0, columns: [] })}
          />
        )}
        <span>表头在第</span>
        <InputNumber
          size="small"
          min={1}
          aria-label="表头行号"
          value={mapping.headerRow + 1}
          onChange={(v) => onChange({ ...mapping, headerRow: Math.max(0, Number(v ?? 1) - 1) })}
        />
        <span>行（下方为表格前几行，第一行即表头）</span>
        <Button size="small" type="primary" ghost loading={busy} onClick={onApply} data-testid="mapping-apply">
          按此对应重新预览
        </Button>
      </Space>
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: true }}
        columns={columns}
        dataSource={preview.sampleRows.map((cells, i) => ({ key: i, cells }))}
      />
    </div>
  );
}
