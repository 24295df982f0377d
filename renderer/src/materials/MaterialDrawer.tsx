import { OpenOriginalLink } from './OpenOriginalLink';
import { OnlineCategorySelect } from './OnlineCategorySelect';
import { DocumentPhotoButton, OcrTag } from './OcrTag';
import { App, Button, Drawer, Space, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { materialKindLabels, type Indicator, type Material, type MaterialFields } from '../../../shared/domain';
import { useQuery } from '../common/useQuery';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { GroupEditor } from './GroupEditor';
import { HistoryList } from './HistoryList';
import { MaterialIndicatorsField } from './MaterialIndicatorsField';
import { MetadataForm } from './MetadataForm';
import { MaterialPreviewView } from './preview/MaterialPreviewView';
import { UngroupButton } from './UngroupButton';
import { useEscapeToClose } from '../layout/useEscapeToClose';

const OCR_LOOK_MS = 2000;

interface Props {
  materialId: number | null;
  onClose: () => void;
  onChanged: () => void;
  onEditMinutes: (material: Material) => void;
  /** The dossier's indicators, for its 所属指标 field. */
  indicators?: Map<number, Indicator>;
}

/** One material: its description (editable), a preview, and its change history. */
export function MaterialDrawer({ materialId, onClose, onChanged, onEditMinutes, indicators }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);
  const load = useCallback(
    (): Promise<Material> => api['materials.get']({ materialId: materialId! }),
    // version: read again after a save
    [api, materialId, version],
  );
  const material = useQuery(`material:${materialId}`, materialId === null ? null : load, '读取材料失败');
  const m = material.data;
  useEscapeToClose(materialId !== null, onClose);
  // A scan waiting for OCR is read in the background: look again until it is read (or failed).
  const waitingForOcr = m?.ocr === 'pending';
  useEffect(() => {
    if (!waitingForOcr) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), OCR_LOOK_MS);
    return () => clearTimeout(timer);
  }, [waitingForOcr, version]);

  const save = async (fields: Partial<MaterialFields>) => {
    if (!m) return;
    setSaving(true);
    try {
      const saved = await api['materials.update']({ materialId: m.id, fields });
      // A brief word that it is saved; the change log tab has what changed.
      message.success(`已保存“${saved.title}”的著录信息`);
      setVersion((v) => v + 1);
      onChanged();
    } finally {
      // A refusal goes back to the form, which shows it at the field or as a notification.
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={materialId !== null}
      onClose={onClose}
      keyboard={false}
      size={760}
      title={m ? m.title : '材料'}
      data-testid="material-drawer"
      extra={
        m && (
          <Space>
            <Tag>{materialKindLabels[m.kind]}</Tag>
            <OnlineCategorySelect
              material={m}
              onChange={(category) => {
                api['materials.setOnlineCategory']({ materialIds: [m.id], category })
                  .then(() => {
                    setVersion((v) => v + 1);
                    onChanged();
                  })
                  .catch((err: unknown) => reportError(err, '保存网上申报类别失败'));
              }}
            />
            <OcrTag material={m} />
            <DocumentPhotoButton
              material={m}
              onToggle={(isDocument) => {
                api['materials.setDocument']({ materialIds: [m.id], isDocument })
                  .then(() => {
                    message.success(isDocument ? '已标记为文档，将在后台识别文字' : '已取消文档标记');
                    setVersion((v) => v + 1);
                    onChanged();
                  })
                  .catch((err: unknown) => reportError(err, '保存文档标记失败'));
              }}
            />
            <Tag color={m.archivalCode ? 'blue' : undefined} data-testid="material-archival-code" title="档号在第一次导出（归档）时编定，此后不变">
              {m.archivalCode ? `档号 ${m.archivalCode}` : '未编档号'}
            </Tag>
            {m.kind === 'minutes' && (
              <Button onClick={() => onEditMinutes(m)} data-testid="edit-minutes">
                编辑纪要
              </Button>
            )}
            {m.kind === 'photo_group' && (
              <UngroupButton
                material={m}
                onDone={() => {
                  onChanged();
                  onClose();
                }}
              />
            )}
            <OpenOriginalLink material={m}>打开原件</OpenOriginalLink>
          </Space>
        )
      }
    >
      {m && (
        <Tabs
          items={[
            {
              key: 'meta',
              label: '著录信息',
              children: (
                <>
                  {indicators && (
                    <MaterialIndicatorsField
                      material={m}
                      indicators={indicators}
                      onChanged={() => {
                        setVersion((v) => v + 1);
                        onChanged();
                      }}
                    />
                  )}
                  <MetadataForm material={m} saving={saving} onSave={save} />
                </>
              ),
            },
            { key: 'preview', label: '预览', children: <MaterialPreviewView material={m} /> },
            ...(m.kind === 'photo_group'
              ? [
                  {
                    key: 'group',
                    label: '组照顺序与说明',
                    children: (
                      <GroupEditor
                        material={m}
                        onSaved={() => {
                          setVersion((v) => v + 1);
                          onChanged();
                        }}
                      />
                    ),
                  },
                ]
              : []),
            { key: 'history', label: '变更记录', children: <HistoryList materialId={m.id} version={m.updatedAt} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
