import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/domain';
import { unitsNamedIn } from './filterByUnit';
import { useUnits } from './useUnits';

/** 按责任单位筛选: the register's units and any other unit named on the tree. */
export function UnitFilter({ indicators, value, onChange }: { indicators: Indicator[]; value: string | null; onChange: (unit: string | null) => void }) {
  // Read when the list is first opened, not at start: one request fewer before the first paint.
  const [wanted, setWanted] = useState(false);
  const units = useUnits(wanted);
  const options = useMemo(() => {
    const names = [...new Set([...(units.data ?? []).map((u) => u.name), ...unitsNamedIn(indicators)])];
    return names.map((n) => ({ value: n, label: n }));
  }, [units.data, indicators]);
  return (
    <Select
      allowClear
      size="small"
      placeholder="按责任单位筛选"
      aria-label="按责任单位筛选"
      data-testid="unit-filter"
      style={{ width: '100%' }}
      value={value ?? undefined}
      options={options}
      onChange={(v: string | undefined) => onChange(v ?? null)}
      onOpenChange={(open) => {
        if (!open) return;
        if (wanted) units.reload();
        else setWanted(true);
      }}
    />
  );
}
