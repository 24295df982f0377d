import { Button, Tag, Tooltip } from 'antd';
import type { Material } from '../../../shared/domain';

const LABELS: Record<Material['ocr'], { text: string; color?: string }> = {
  none: { text: '' },
  pending: { text: '等待文字识别', color: 'gold' },
  done: { text: '已文字识别', color: 'green' },
  failed: { text: '文字识别失败', color: 'red' },
};

/** Where OCR stands for this material, and which pages it read (the reason when it failed). */
export function OcrTag({ material }: { material: Material }) {
  const label = LABELS[material.ocr];
  if (!label.text) return null;
  const pages = material.ocrPages.length ? `第 ${material.ocrPages.join('、')} 页的文字由 OCR 识别` : '未识别出文字';
  const tip = material.ocr === 'failed' ? material.ocrError : material.ocr === 'done' ? pages : '扫描件在后台识别，识别后可按内容搜索';
  return (
    <Tooltip title={tip}>
      <Tag color={label.color} data-testid="material-ocr">
        {label.text}
        {material.ocr === 'done' && material.ocrPages.length ? `（${material.ocrPages.length} 页）` : ''}
      </Tag>
    </Tooltip>
  );
}

/** A photo of a document (a 红头文件 taken with a phone) is read by OCR once marked. */
export function DocumentPhotoButton({ material, onToggle }: { material: Material; onToggle: (isDocument: boolean) => void }) {
  if (material.kind !== 'photo') return null;
  return (
    <Button onClick={() => onToggle(!material.isDocument)} data-testid="toggle-document">
      {material.isDocument ? '取消文档标记' : '标记为文档（识别文字）'}
    </Button>
  );
}
