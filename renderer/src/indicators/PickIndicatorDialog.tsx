import { Alert, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Indicator } from '../../../shared/domain';
import { indicatorTreeSelectData, TOP_LEVEL } from './indicatorTreeSelect';


interface Props {
  open: boolean;
  title: string;
  message?: React.ReactNode;
  indicators: Indicator[];
  /** Cannot be picked (with everything below). */
  excluded: Set<number>;
  /** Offer “顶级（作为大类）” as a choice (value 0). */
  allowTop?: boolean;
  okText: string;
  busy: boolean;
  onPick: (id: number) => void;
  onCancel: () => void;
  testId: string;
}

/** Choose an indicator from the tree: where to move an item, or where its materials go. */
export function PickIndicatorDialog({ open, title, message, indicators, excluded, allowTop, okText, busy, onPick, onCancel, testId }: Props) {
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => setValue(null), [open]);
  const data = useMemo(() => {
    const tree = indicatorTreeSelectData(indicators, excluded);
    return allowTop ? [{ value: TOP_LEVEL, title: '顶级（作为大类）' }, ...tree] : tree;
  }, [indicators, excluded, allowTop]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ disabled: value === null, ...({ 'data-testid': `${testId}-ok` } as object) }}
      onOk={() => value !== null && onPick(value)}
    >
      {message && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={message} />}
      <TreeSelect
        data-testid={testId}
        style={{ width: '100%' }}
        treeData={data}
        value={value ?? undefined}
        onChange={(v: number) => setValue(v)}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder="选择指标"
        popupMatchSelectWidth={false}
      />
    </Modal>
  );
}
