import { Modal, Tabs } from 'antd';
import { useState } from 'react';
import type { Dossier } from '../../../shared/domain';
import { AssignPanel } from './AssignPanel';
import { ConflictPanel } from './ConflictPanel';
import { ProgressPanel } from './ProgressPanel';
import { ReceivePanel } from './ReceivePanel';
import { ReviewPanel } from './ReviewPanel';
import { UnitPanel } from './UnitPanel';

interface Props {
  dossier: Dossier;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
  onOpened: (dossierId: number) => void;
}

/** 成员单位报送, one dialog opened from the header: the lead's tabs, and the unit's (任务包 and 报送包). */
export function ReportingDialog({ dossier, open, onClose, onImported, onOpened }: Props) {
  // Panels read again after an import (they are mounted once the tab is first shown).
  const [imports, setImports] = useState(0);
  const dossierId = dossier.id;
  return (
    <Modal title="成员单位报送" open={open} onCancel={onClose} footer={null} width={1000} destroyOnHidden data-testid="reporting-dialog">
      <Tabs
        items={[
          { key: 'assign', label: '分派指标', children: <AssignPanel dossier={dossier} onAssigned={() => setImports((n) => n + 1)} /> },
          { key: 'receive', label: '接收报送包', children: <ReceivePanel onImported={() => { setImports((n) => n + 1); onImported(); }} /> },
          { key: 'progress', label: '报送进度', children: <ProgressPanel key={imports} dossierId={dossierId} /> },
          { key: 'review', label: '材料审核', children: <ReviewPanel key={imports} dossierId={dossierId} /> },
          { key: 'conflicts', label: '版本冲突', children: <ConflictPanel key={imports} dossierId={dossierId} onResolved={onImported} /> },
          { key: 'unit', label: '本单位报送（任务包、报送包）', children: <UnitPanel dossier={dossier} onOpened={onOpened} /> },
        ]}
      />
    </Modal>
  );
}
