import { InputNumber, Radio, Typography } from 'antd';
import { useEffect, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { scoreFromInput, type SelfEvalRow } from '../../../shared/domain';

interface Props {
  row: SelfEvalRow;
  onScore: (score: number | null) => Promise<boolean>;
  onVeto: (status: 'excluded' | 'present') => void;
  onMet: (met: boolean) => void;
}

/**
 * A leaf's entry: a score from 0 to its full marks, 已排除/存在 for a veto item, 达标/未达标 for an
 * item without points. The score is
 * read from the field's own text when leaving it (Tab, click elsewhere) or on Enter, brought into
 * range, shown and saved: what the field shows is what is stored.
 */
export function SelfEvalScoreInput({ row, onScore, onVeto, onMet }: Props) {
  const [value, setValue] = useState<number | null>(row.selfScore);
  const [problem, setProblem] = useState('');
  useEffect(() => setValue(row.selfScore), [row.selfScore]);
  if (row.kind === 'veto') {
    return (
      <Radio.Group
        size="small"
        value={row.vetoStatus}
        onChange={(e) => onVeto(e.target.value as 'excluded' | 'present')}
        data-testid={`selfeval-veto-${row.code}`}
        options={[
          { value: 'excluded', label: '已排除' },
          { value: 'present', label: '存在' },
        ]}
      />
    );
  }
  if (row.maxScore === null) {
    // An item without points (the system leaves weights to the province) is 达标 or not.
    return (
      <Radio.Group
        size="small"
        value={row.met}
        onChange={(e) => onMet(e.target.value as boolean)}
        data-testid={`selfeval-met-${row.code}`}
        options={[
          { value: true, label: '达标' },
          { value: false, label: '未达标' },
        ]}
      />
    );
  }
  const commit = (e: FocusEvent<HTMLInputElement> | KeyboardEvent<HTMLInputElement>) => {
    const score = scoreFromInput((e.target as HTMLInputElement).value, row.maxScore);
    if (score === 'invalid') {
      setProblem('请输入数字');
      return;
    }
    setProblem('');
    setValue(score);
    if (score === row.selfScore) return;
    void onScore(score).then((ok) => !ok && setValue(row.selfScore));
  };
  return (
    <span>
      <InputNumber
        size="small"
        value={value}
        onChange={(v) => setValue(typeof v === 'number' ? v : null)}
        onBlur={commit}
        onPressEnter={commit}
        status={problem ? 'error' : undefined}
        aria-label={`${row.code} 自评得分`}
        data-testid={`selfeval-score-${row.code}`}
        style={{ width: 90 }}
      />
      {problem && (
        <Typography.Text type="danger" style={{ marginLeft: 6, fontSize: 12 }}>
          {problem}
        </Typography.Text>
      )}
    </span>
  );
}
