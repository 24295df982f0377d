import { Modal, Tabs } from 'antd';
import { useState } from 'react';
import { ProgressPanel } from './ProgressPanel';
import { ReceivePanel } from './ReceivePanel';
import { ReviewPanel } from './ReviewPanel';

/** 成员单位报送 (lead): receive 报送包, the progress per unit and 材料审核, one dialog opened from the header. */
export function ReportingDialog({ dossierId, open, onClose, onImported }: { dossierId: number; open: boolean; onClose: () => void; onImported: () => void }) {
  // Panels read again after an import (they are mounted once the tab is first shown).
  const [imports, setImports] = useState(0);
  return (
    <Modal title="成员单位报送" open={open} onCancel={onClose} footer={null} width={1000} destroyOnHidden data-testid="reporting-dialog">
      <Tabs
        items={[
          { key: 'receive', label: '接收报送包', children: <ReceivePanel onImported={() => { setImports((n) => n + 1); onImported(); }} /> },
          { key: 'progress', label: '报送进度', children: <ProgressPanel key={imports} dossierId={dossierId} /> },
          { key: 'review', label: '材料审核', children: <ReviewPanel key={imports} dossierId={dossierId} /> },
        ]}
      />
    </Modal>
  );
}
