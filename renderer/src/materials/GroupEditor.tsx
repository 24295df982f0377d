import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Input, List, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { GroupPhoto, Material } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

/** Order the photos of a 组照 and give each its own caption. */
export function GroupEditor({ material, onSaved }: { material: Material; onSaved: () => void }) {
  const { api, fileUrl } = usePlatform();
  const reportError = useReportError();
  const { message } = App.useApp();
  const [photos, setPhotos] = useState<GroupPhoto[]>(material.photos);
  const [saving, setSaving] = useState(false);
  useEffect(() => setPhotos(material.photos), [material.photos]);

  const move = (i: number, by: number) =>
    setPhotos((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item);
      return next;
    });

  const save = async () => {
    setSaving(true);
    try {
      await api['materials.updateGroup']({ materialId: material.id, photos: photos.map((p) => ({ sha256: p.sha256, caption: p.caption })) });
      message.success(`已保存组照“${material.title}”的顺序与说明`);
      onSaved();
    } catch (err) {
      reportError(err, '保存组照失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="group-editor">
      <List
        dataSource={photos}
        renderItem={(p, i) => (
          <List.Item key={p.sha256} data-testid="group-photo">
            <Space align="start">
              <span style={{ width: 24 }}>{i + 1}.</span>
              <img src={fileUrl(p.sha256, 'thumb')} alt={p.originalName} style={{ width: 96, height: 72, objectFit: 'cover' }} />
              <Input
                aria-label={`第 ${i + 1} 张说明`}
                placeholder="本张照片的说明（可不填）"
                value={p.caption}
                maxLength={500}
                style={{ width: 320 }}
                onChange={(e) => setPhotos((list) => list.map((x) => (x.sha256 === p.sha256 ? { ...x, caption: e.target.value } : x)))}
              />
              <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={i === photos.length - 1} onClick={() => move(i, 1)} aria-label="下移" />
            </Space>
          </List.Item>
        )}
      />
      <Button type="primary" loading={saving} onClick={() => void save()} data-testid="group-save">
        保存顺序和说明
      </Button>
    </div>
  );
}
