import { Input, Table, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/domain';

interface Props {
  preview: ImportPreview;
  /** New names by unit name as read; a unit given another unit's name is merged into it. */
  names: Record<string, string>;
  onChange: (names: Record<string, string>) => void;
}

/** The units the 负责部门 column names: those not yet in the register are created on 确认导入, under the names given here. */
export function PreviewUnits({ preview, names, onChange }: Props) {
  if (preview.units.length === 0) return null;
  const registered = new Set(preview.units.filter((u) => u.registered).map((u) => u.name));
  const after = [...new Set(preview.units.map((u) => (names[u.name] ?? u.name).trim() || u.name))];
  const fresh = after.filter((n) => !registered.has(n));
  return (
    <div data-testid="preview-units" style={{ marginBottom: 12 }}>
      <Typography.Text style={{ display: 'block', marginBottom: 4 }}>
        责任单位：表中列出 {preview.units.length} 个。可改名；改成同一个名称即合并。
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={preview.units}
        columns={[
          { title: '表中的名称', dataIndex: 'name', width: 180 },
          {
            title: '导入为',
            key: 'to',
            render: (_, u) => (
              <Input
                size="small"
                value={names[u.name] ?? u.name}
                aria-label={`${u.name} 导入为`}
                data-testid={`preview-unit-${u.name}`}
                maxLength={200}
                onChange={(e) => onChange({ ...names, [u.name]: e.target.value })}
              />
            ),
          },
          { title: '指标数', dataIndex: 'indicatorCount', width: 80 },
          {
            title: '登记册',
            key: 'registered',
            width: 110,
            render: (_, u) => (u.registered ? <Tag>已登记</Tag> : <Tag color="blue">将新建</Tag>),
          },
        ]}
      />
      <Typography.Text style={{ display: 'block', marginTop: 6 }} data-testid="preview-units-after">
        确认导入后共 {after.length} 个单位{fresh.length > 0 ? `，将在责任单位登记册中新建 ${fresh.length} 个：${fresh.join('、')}` : '，都已在登记册中'}
      </Typography.Text>
    </div>
  );
}
