import { App, Button, Popconfirm } from 'antd';
import type { Material } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

/** 拆分组照: the group's photos become single photo materials again, filed where the group was. */
export function UngroupButton({ material, onDone }: { material: Material; onDone: () => void }) {
  const { api } = usePlatform();
  const { message } = App.useApp();
  const reportError = useReportError();

  // Popconfirm shows its OK button as loading while this promise runs.
  const split = () =>
    api['materials.ungroupPhotos']({ materialId: material.id }).then(
      (photos) => {
        message.success(`已拆分为 ${photos.length} 张照片，归入的指标和著录信息已随每张照片保留`);
        onDone();
      },
      (err: unknown) => reportError(err, '拆分组照失败'),
    );

  return (
    <Popconfirm
      title="拆分组照"
      description={`把这 ${material.photos.length} 张照片拆回单张照片？每张照片的说明、组照的著录信息和归入的指标都会保留。`}
      okText="拆分"
      cancelText="取消"
      onConfirm={split}
    >
      <Button data-testid="ungroup">拆分组照</Button>
    </Popconfirm>
  );
}
