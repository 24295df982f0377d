import { Modal, Tabs } from 'antd';
import { BackupPanel } from './BackupPanel';
import { VerifyPanel } from './VerifyPanel';

/** 四性检测 and 备份与恢复, one dialog opened from the header. */
export function IntegrityDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="档案安全" open={open} onCancel={onClose} footer={null} width={1000} destroyOnHidden data-testid="integrity-dialog">
      <Tabs
        items={[
          { key: 'verify', label: '四性检测', children: <VerifyPanel /> },
          { key: 'backup', label: '备份与恢复', children: <BackupPanel /> },
        ]}
      />
    </Modal>
  );
}
