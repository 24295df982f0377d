import { Alert, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { STATEMENT_MAX_CHARS, statementLength, type SelfEvalRow } from '../../../shared/domain';

/**
 * 结论性说明 of one indicator: how the unit meets the standard, in its own words, as printed on
 * the indicator's 测评材料提交表. Longer than the limit cannot be saved; the count says by how much.
 */
export function StatementEditor({
  row,
  onClose,
  onSave,
}: {
  row: SelfEvalRow | null;
  onClose: () => void;
  onSave: (indicatorId: number, statement: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => setText(row?.statement ?? ''), [row]);
  const length = statementLength(text.trim());
  const over = length > STATEMENT_MAX_CHARS;
  return (
    <Modal
      open={row !== null}
      title={row ? `结论性说明：${row.code} ${row.title}` : ''}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ disabled: over, loading: saving, ...({ 'data-testid': 'statement-save' } as Record<string, string>) }}
      onCancel={onClose}
      onOk={async () => {
        if (!row || over) return;
        setSaving(true);
        const ok = await onSave(row.indicatorId, text);
        setSaving(false);
        if (ok) onClose();
      }}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        对照测评标准，简要说明本单位如何达到该项要求（最多 {STATEMENT_MAX_CHARS} 字），将印在迎检资料该项的“测评材料提交表”上。
      </Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 14 }}
        aria-label="结论性说明"
        data-testid="statement-text"
        status={over ? 'error' : undefined}
      />
      <div style={{ marginTop: 6, textAlign: 'right' }}>
        <Typography.Text type={over ? 'danger' : 'secondary'} data-testid="statement-count">
          {length} / {STATEMENT_MAX_CHARS} 字
        </Typography.Text>
      </div>
      {over && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="statement-too-long"
          message={`结论性说明最多 ${STATEMENT_MAX_CHARS} 字，现有 ${length} 字，请删去 ${length - STATEMENT_MAX_CHARS} 字后再保存`}
        />
      )}
    </Modal>
  );
}
