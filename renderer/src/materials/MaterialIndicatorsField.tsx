import { App, Form, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { Indicator, Material } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { indicatorOptions } from './indicatorOptions';

interface Props {
  material: Material;
  indicators: Map<number, Indicator>;
  onChanged: () => void;
}

/** 所属指标 of one material, changed at once through link/unlink (each change in its change log). */
export function MaterialIndicatorsField({ material, indicators, onChanged }: Props) {
  const { api } = usePlatform();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const treeData = useMemo(() => indicatorOptions(indicators.values()), [indicators]);
  const name = (id: number) => {
    const i = indicators.get(id);
    return i ? `「${i.code} ${i.title}」` : '指标';
  };
  const change = async (next: number[]) => {
    const added = next.filter((id) => !material.indicatorIds.includes(id));
    const removed = material.indicatorIds.filter((id) => !next.includes(id));
    setBusy(true);
    try {
      for (const indicatorId of added) await api['materials.link']({ materialId: material.id, indicatorId });
      for (const indicatorId of removed) await api['materials.unlink']({ materialId: material.id, indicatorId });
      const said = [...added.map((id) => `已归入${name(id)}`), ...removed.map((id) => `已移出${name(id)}`)];
      if (said.length) message.success(said.join('，'));
    } catch (err) {
      reportError(err, '修改所属指标失败');
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  return (
    <Form.Item label="所属指标" layout="vertical" style={{ marginBottom: 12 }}>
      <TreeSelect
        multiple
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        style={{ width: '100%' }}
        placeholder="未归入指标：选择一项或几项"
        treeData={treeData}
        value={material.indicatorIds}
        loading={busy}
        disabled={busy}
        onChange={(ids: number[]) => void change(ids)}
        data-testid="material-indicators"
      />
    </Form.Item>
  );
}
