import { Modal, Tabs } from 'antd';
import { ProgressPanel } from './ProgressPanel';
import { ReviewPanel } from './ReviewPanel';

/** 成员单位报送 (lead): the progress per unit and 材料审核, one dialog opened from the header. */
export function ReportingDialog({ dossierId, open, onClose }: { dossierId: number; open: boolean; onClose: () => void }) {
  return (
    <Modal title="成员单位报送" open={open} onCancel={onClose} footer={null} width={1000} destroyOnHidden data-testid="reporting-dialog">
      <Tabs
        items={[
          { key: 'progress', label: '报送进度', children: <ProgressPanel dossierId={dossierId} /> },
          { key: 'review', label: '材料审核', children: <ReviewPanel dossierId={dossierId} /> },
        ]}
      />
    </Modal>
  );
}
