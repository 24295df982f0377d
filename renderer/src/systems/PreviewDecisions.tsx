import { Checkbox, Descriptions, Switch, Table, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/domain';
import { ROLE_OPTIONS, roleValue } from './mappingRoles';

interface Props {
  preview: ImportPreview;
  simplify: boolean;
  onSimplify: (simplify: boolean) => void;
  /** Take a 否决项/加分项 section in or leave it out (by its table number). */
  onSection: (table: number, include: boolean) => void;
  /** Import a skipped row (注, 合计 …) as an indicator all the same, or skip it again. */
  onKeepRow: (row: number, keep: boolean) => void;
  busy: boolean;
}

const KIND = { veto: '否决项', bonus: '加分项', scored: '指标' } as const;

/**
 * What the importer decided that a clerk may dispute: which table it read, which other tables or
 * lists it took as 否决项/加分项, which rows it left out and why, 繁体 or 简体. Each can be changed.
 */
export function PreviewDecisions({ preview, simplify, onSimplify, onSection, onKeepRow, busy }: Props) {
  const table = preview.mapping ? preview.tables[preview.mapping.table] : null;
  const header = preview.sampleRows[0] ?? [];
  // Which column was read as what, in the clerk's words: “第 1 列（一级指标）：本级编号”.
  const columns = (preview.mapping?.columns ?? []).map((c) => {
    const role = ROLE_OPTIONS.find((o) => o.value === roleValue(c))?.label ?? c.role;
    const name = (header[c.col] ?? '').replace(/\s+/g, ' ').trim();
    return `第 ${c.col + 1} 列${name ? `（${name}）` : ''}：${role}`;
  });
  return (
    <div data-testid="preview-decisions" style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          ...(table ? [{ key: 'table', label: '指标表', children: <span data-testid="preview-table">{table}（可在“列的对应”中改选）</span> }] : []),
          ...(columns.length > 0
            ? [{ key: 'columns', label: '各列内容', children: <span data-testid="preview-columns">{columns.join('；')}（可在“列的对应”中修改）</span> }]
            : []),
          ...(preview.sections.length > 0
            ? [
                {
                  key: 'sections',
                  label: '其他表格中的指标、否决项、加分项',
                  children: (
                    <div data-testid="preview-sections">
                      {preview.sections.map((s) => (
                        <div key={`${s.table}-${s.title}`}>
                          <Checkbox
                            checked={!s.skipped}
                            disabled={busy}
                            onChange={(e) => onSection(s.table, e.target.checked)}
                            data-testid={`preview-section-${s.table}`}
                          >
                            {s.label}：{KIND[s.kind]}“{s.title}”，{s.count} 项
                          </Checkbox>
                        </div>
                      ))}
                    </div>
                  ),
                },
              ]
            : []),
          ...(preview.traditional
            ? [
                {
                  key: 'simplify',
                  label: '繁体字',
                  children: (
                    <span>
                      <Switch size="small" checked={simplify} disabled={busy} onChange={onSimplify} data-testid="preview-simplify" />{' '}
                      {simplify ? '已转换为简体' : '表中为繁体，按原样保留；打开可转换为简体'}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {preview.skippedRows.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
            以下 {preview.skippedRows.length} 行判断为不是指标（如判断有误，可勾选“仍导入”，或在“列的对应”中调整表头行与各列内容）：
          </Typography.Text>
          <Table
            size="small"
            pagination={false}
            data-testid="preview-skipped"
            rowKey="row"
            dataSource={preview.skippedRows}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '内容', dataIndex: 'text' },
              { title: '原因', dataIndex: 'reason', width: 220 },
              {
                title: '仍导入',
                key: 'kept',
                width: 70,
                render: (_, r) => (
                  <Checkbox
                    checked={r.kept}
                    disabled={busy}
                    aria-label={`第 ${r.row} 行仍作为指标导入`}
                    data-testid={`preview-keep-${r.row}`}
                    onChange={(e) => onKeepRow(r.row, e.target.checked)}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
