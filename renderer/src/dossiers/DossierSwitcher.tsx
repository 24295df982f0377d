import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import type { Dossier } from '../../../shared/domain';

interface Props {
  dossiers: Dossier[];
  currentId: number;
  onSwitch: (id: number) => void;
  onCreate: () => void;
}

function label(d: Dossier): string {
  return [d.name, d.unit, d.period].filter(Boolean).join(' · ');
}

/** Switch between dossiers  and start a new one. */
export function DossierSwitcher({ dossiers, currentId, onSwitch, onCreate }: Props) {
  return (
    <Space.Compact>
      <Select
        aria-label="当前档案"
        data-testid="dossier-switcher"
        value={currentId}
        onChange={onSwitch}
        options={dossiers.map((d) => ({ value: d.id, label: label(d) }))}
        style={{ width: 320 }}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Button icon={<PlusOutlined />} onClick={onCreate} title="新建档案">
        新建档案
      </Button>
    </Space.Compact>
  );
}
