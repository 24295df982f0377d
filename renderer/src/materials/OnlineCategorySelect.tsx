import { Select } from 'antd';
import { defaultOnlineCategory, ONLINE_CATEGORIES, type Material, type OnlineCategory } from '../../../shared/domain';

const DEFAULT = 'default';

/** 网上申报 category of one material: by its kind (shown as such), or the clerk's choice. */
export function OnlineCategorySelect({ material, onChange }: { material: Material; onChange: (category: OnlineCategory | null) => void }) {
  return (
    <Select<string>
      size="small"
      style={{ width: 190 }}
      aria-label="网上申报类别"
      data-testid="material-online-category"
      value={material.onlineCategorySet ? material.onlineCategory : DEFAULT}
      onChange={(v) => onChange(v === DEFAULT ? null : (v as OnlineCategory))}
      options={[
        { value: DEFAULT, label: `网上申报：${defaultOnlineCategory(material)}（按类型）` },
        ...ONLINE_CATEGORIES.map((c) => ({ value: c, label: `网上申报：${c}` })),
      ]}
    />
  );
}
