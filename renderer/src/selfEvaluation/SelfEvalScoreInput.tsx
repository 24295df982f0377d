import { InputNumber, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { SelfEvalRow } from '../../../shared/domain';

interface Props {
  row: SelfEvalRow;
  onScore: (score: number | null) => Promise<boolean>;
  onVeto: (status: 'excluded' | 'present') => void;
}

/** A leaf's entry: a score from 0 to its full marks (saved on leaving the field), or 已排除/存在 for a veto item. */
export function SelfEvalScoreInput({ row, onScore, onVeto }: Props) {
  const [value, setValue] = useState<number | null>(row.selfScore);
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
  const commit = () => {
    if (value === row.selfScore) return;
    void onScore(value).then((ok) => !ok && setValue(row.selfScore));
  };
  return (
    <InputNumber
      size="small"
      min={0}
      max={row.maxScore ?? undefined}
      value={value}
      onChange={(v) => setValue(typeof v === 'number' ? v : null)}
      onBlur={commit}
      onPressEnter={commit}
      aria-label={`${row.code} 自评得分`}
      data-testid={`selfeval-score-${row.code}`}
      style={{ width: 90 }}
    />
  );
}
