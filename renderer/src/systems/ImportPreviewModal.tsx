import { Alert, Button, Collapse, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportMapping, ImportPreview, IndicatorSystem } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import { PreviewDecisions } from './PreviewDecisions';
import { PreviewSummary } from './PreviewSummary';
import { PreviewUnits } from './PreviewUnits';

/** The preview's choices besides the column mapping. */
interface Choices {
  simplify: boolean;
  skipSections: number[];
  keepRows: number[];
}

const NO_CHOICES: Choices = { simplify: false, skipSections: [], keepRows: [] };

/** A list with the value taken in or out. */
const toggled = (list: number[], value: number, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

interface Props {
  /** The file on the core's side (uploaded in browser mode); null closes the dialog. */
  path: string | null;
  onImported: (system: IndicatorSystem) => void;
  onCancel: () => void;
}

/**
 * 预览 before 导入: what the file would give (tree, counts, totals, warnings), with the column
 * mapping to correct by hand. Nothing is written until 确认导入.
 */
export function ImportPreviewModal({ path, onImported, onCancel }: Props) {
  const { api } = usePlatform();
  const reportError = useReportError();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [manual, setManual] = useState<ImportMapping | undefined>(undefined);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [unitNames, setUnitNames] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (file: string, given: ImportMapping | undefined, next: Choices, resetName = false) => {
    setBusy(true);
    try {
      const p = await api['systems.preview']({ path: file, mapping: given, ...next });
      setPreview(p);
      setMapping(p.mapping ?? given ?? { table: 0, headerRow: p.sampleStart, headerRows: 1, columns: [] });
      setManual(given);
      // Units are renamed by the names the preview shows; 简体 or another mapping renames them anew.
      setUnitNames({});
      setChoices(next);
      if (resetName) setName(p.name);
    } catch (err) {
      reportError(err, '无法预览测评体系');
      if (!given && next === NO_CHOICES) onCancel();
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    setPreview(null);
    setManual(undefined);
    if (path) void load(path, undefined, NO_CHOICES, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  const confirm = async () => {
    if (!path) return;
    setBusy(true);
    try {
      const renames = Object.entries(unitNames)
        .map(([from, to]) => ({ from, to: to.trim() }))
        .filter((r) => r.to !== '' && r.to !== r.from);
      onImported(
        await api['systems.importFile']({
          path,
          mapping: manual,
          name: name.trim() || undefined,
          ...choices,
          unitNames: renames.length > 0 ? renames : undefined,
        }),
      );
    } catch (err) {
      reportError(err, '导入测评体系失败');
    } finally {
      setBusy(false);
    }
  };

  const ready = preview !== null && preview.indicators.length > 0 && !preview.problem;
  return (
    <Modal
      open={path !== null}
      title={`预览测评体系${preview ? `：${preview.fileName}` : ''}`}
      width={960}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onCancel} disabled={busy} data-testid="preview-cancel">
            取消
          </Button>
          <Button type="primary" disabled={!ready} loading={busy} onClick={confirm} data-testid="preview-confirm">
            确认导入
          </Button>
        </Space>
      }
    >
      {!preview ? (
        <Spin description="正在读取文件…" />
      ) : (
        <div data-testid="import-preview">
          <Typography.Paragraph type="secondary">
            核对下面的指标树、各级数量与分值合计。确认无误后点“确认导入”；在此之前不会写入档案库。
          </Typography.Paragraph>
          {preview.problem && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="preview-problem"
              title="未能自动识别这份表格"
              description={`${preview.problem}。也可以在下方逐列指定内容，再点“按此对应重新预览”。`}
            />
          )}
          <Space style={{ marginBottom: 12 }}>
            <span>测评体系名称</span>
            <Input value={name} onChange={(e) => setName(e.target.value)} style={{ width: 420 }} maxLength={200} aria-label="测评体系名称" />
          </Space>
          {mapping && (
            <Collapse
              style={{ marginBottom: 12 }}
              defaultActiveKey={preview.problem ? ['mapping'] : []}
              items={[
                {
                  key: 'mapping',
                  label: preview.mappingSource === 'manual' ? '列的对应（已按您的指定）' : '列的对应（自动识别，可修改）',
                  children: (
                    <ColumnMappingEditor
                      preview={preview}
                      mapping={mapping}
                      onChange={setMapping}
                      busy={busy}
                      onApply={() => path && void load(path, mapping, { ...choices, keepRows: [] })}
                    />
                  ),
                },
              ]}
            />
          )}
          {preview.indicators.length > 0 && (
            <>
              <PreviewDecisions
                preview={preview}
                simplify={choices.simplify}
                busy={busy}
                onSimplify={(simplify) => path && void load(path, manual, { ...choices, simplify }, true)}
                onSection={(table, include) => path && void load(path, manual, { ...choices, skipSections: toggled(choices.skipSections, table, !include) })}
                onKeepRow={(row, keep) => path && void load(path, manual, { ...choices, keepRows: toggled(choices.keepRows, row, keep) })}
              />
              <PreviewUnits preview={preview} names={unitNames} onChange={setUnitNames} />
              <PreviewSummary preview={preview} />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
