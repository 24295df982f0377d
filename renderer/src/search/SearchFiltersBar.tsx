import { Checkbox, DatePicker, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { indicatorOptions } from '../materials/indicatorOptions';
import { materialKindLabels, type Indicator, type MaterialKind, type SearchFilters } from '../../../shared/domain';

interface Props {
  filters: SearchFilters;
  indicators: Map<number, Indicator>;
  onChange: (filters: SearchFilters) => void;
}

const toDigits = (d: dayjs.Dayjs | null) => (d ? d.format('YYYYMMDD') : undefined);
const fromDigits = (s: string | undefined) => (s ? dayjs(s, 'YYYYMMDD') : null);

/** Narrow a search: kind, indicator (and below), responsible unit, date range, 未归类. */
export function SearchFiltersBar({ filters, indicators, onChange }: Props) {
  const all = useMemo(() => [...indicators.values()], [indicators]);
  const units = useMemo(
    () => [...new Set(all.flatMap((i) => i.responsibleUnit.split(/[、,，;；\s]+/)).filter(Boolean))].sort(),
    [all],
  );
  const treeData = useMemo(() => indicatorOptions(all), [all]);
  const set = (patch: SearchFilters) => onChange({ ...filters, ...patch });
  return (
    <Space wrap data-testid="search-filters" style={{ marginBottom: 12 }}>
      <Select<MaterialKind[]>
        mode="multiple"
        allowClear
        placeholder="类别"
        style={{ minWidth: 160 }}
        value={filters.kinds ?? []}
        onChange={(kinds) => set({ kinds: kinds.length ? kinds : undefined })}
        options={(Object.keys(materialKindLabels) as MaterialKind[]).map((k) => ({ value: k, label: materialKindLabels[k] }))}
        data-testid="filter-kind"
      />
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder="指标（含下属）"
        style={{ width: 240 }}
        treeData={treeData}
        value={filters.indicatorId}
        onChange={(v: number | undefined) => set({ indicatorId: v ?? undefined })}
        disabled={filters.unlinked}
      />
      {units.length > 0 && (
        <Select
          allowClear
          placeholder="责任单位"
          style={{ width: 160 }}
          value={filters.responsibleUnit}
          onChange={(v: string | undefined) => set({ responsibleUnit: v })}
          options={units.map((u) => ({ value: u, label: u }))}
        />
      )}
      <DatePicker.RangePicker
        placeholder={['开始日期', '结束日期']}
        value={[fromDigits(filters.dateFrom), fromDigits(filters.dateTo)]}
        onChange={(range) => set({ dateFrom: toDigits(range?.[0] ?? null), dateTo: toDigits(range?.[1] ?? null) })}
      />
      <Checkbox
        checked={filters.unlinked ?? false}
        onChange={(e) => set({ unlinked: e.target.checked || undefined, indicatorId: undefined })}
        data-testid="filter-unlinked"
      >
        只看未归类
      </Checkbox>
    </Space>
  );
}
