import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { Indicator } from '../../../shared/domain';

export type IndicatorAction = 'edit' | 'addChild' | 'addSibling' | 'up' | 'down' | 'move' | 'delete';

interface Props {
  indicator: Indicator;
  isFirst: boolean;
  isLast: boolean;
  onAction: (action: IndicatorAction) => void;
}

/** What a clerk can do to the selected item of the tree. */
export function IndicatorActions({ isFirst, isLast, onAction }: Props) {
  const button = (action: IndicatorAction, label: string, icon: React.ReactNode, disabled = false, danger = false) => (
    <Button size="small" icon={icon} disabled={disabled} danger={danger} onClick={() => onAction(action)} data-testid={`indicator-${action}`}>
      {label}
    </Button>
  );
  return (
    <Space wrap size={6} style={{ marginBottom: 12 }}>
      {button('edit', '编辑', <EditOutlined />)}
      {button('addChild', '添加下级', <PlusOutlined />)}
      {button('addSibling', '添加同级', <PlusOutlined />)}
      {button('up', '上移', <ArrowUpOutlined />, isFirst)}
      {button('down', '下移', <ArrowDownOutlined />, isLast)}
      {button('move', '移动到…', <DragOutlined />)}
      {button('delete', '删除', <DeleteOutlined />, false, true)}
    </Space>
  );
}
