import { OpenOriginalLink } from '../OpenOriginalLink';
import { Alert, Card, Image, Spin, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { formatName, type Material, type MaterialPreview } from '../../../../shared/domain';
import { formatSize } from '../../common/format';
import { useQuery } from '../../common/useQuery';
import { MinutesPage } from '../../minutes/MinutesPage';
import { usePlatform } from '../../platformContext';
import { FileTypeIcon } from '../FileTypeIcon';
import { fileTypeOf } from '../fileType';

// pdf.js is large: loaded only when a PDF is previewed.
const PdfPages = lazy(() => import('./PdfPages').then((m) => ({ default: m.PdfPages })));

/** A file card: what the file is and a link to open the original (videos, other files). */
function FileCard({ material }: { material: Material }) {
  const { fileUrl } = usePlatform();
  return (
    <Card data-testid="file-card" style={{ maxWidth: 480 }}>
      <Card.Meta
        avatar={<FileTypeIcon type={fileTypeOf(material)} size={48} />}
        title={material.originalName}
        description={
          <>
            <div>
              {formatName(material.mediaType)} · {formatSize(material.size)}
            </div>
            <OpenOriginalLink material={material}>打开原文件</OpenOriginalLink>
          </>
        }
      />
    </Card>
  );
}

function Preview({ material, preview }: { material: Material; preview: MaterialPreview }) {
  const { fileUrl } = usePlatform();
  switch (preview.type) {
    case 'pdf':
      return material.mergeable ? (
        <Suspense fallback={<Spin />}>
          <PdfPages url={fileUrl(material.sha256, 'original')} />
        </Suspense>
      ) : (
        <>
          <Alert type="warning" showIcon title="此 PDF 已加密，无法预览，也无法合并入迎检资料" style={{ marginBottom: 12 }} />
          <FileCard material={material} />
        </>
      );
    case 'office':
      // Legacy Word/Excel, WPS and slides as LibreOffice printed them; else why not, and the original.
      return preview.converted ? (
        <Suspense fallback={<Spin />}>
          <PdfPages url={fileUrl(material.sha256, 'converted')} />
        </Suspense>
      ) : (
        <>
          <Alert data-testid="office-preview-reason" type="warning" showIcon title={preview.reason} style={{ marginBottom: 12 }} />
          <FileCard material={material} />
        </>
      );
    case 'image':
      return <Image data-testid="image-preview" src={fileUrl(material.sha256, 'view')} alt={material.title} />;
    case 'photos':
      return (
        <div data-testid="photo-group-preview" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 12 }}>
          {preview.photos.map((p, i) => (
            <figure key={p.sha256} style={{ margin: 0 }}>
              <Image src={fileUrl(p.sha256, 'thumb')} preview={{ src: fileUrl(p.sha256, 'view') }} alt={p.caption || p.originalName} />
              <figcaption style={{ fontSize: 12 }}>
                {i + 1}. {p.caption || <Typography.Text type="secondary">{p.originalName}</Typography.Text>}
              </figcaption>
            </figure>
          ))}
        </div>
      );
    case 'html':
      // The document's HTML in a frame without scripts: its content cannot act on the app.
      return (
        <iframe
          data-testid="docx-preview"
          title={material.title}
          sandbox=""
          srcDoc={`<meta charset="utf-8"><style>body{font-family:serif;padding:16px;line-height:1.7}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px}</style>${preview.html}`}
          style={{ width: '100%', height: 560, border: '1px solid #eee', background: '#fff' }}
        />
      );
    case 'sheets':
      return (
        <Tabs
          data-testid="xlsx-preview"
          items={preview.sheets.map((s) => ({
            key: s.name,
            label: s.name,
            children: (
              <Table
                size="small"
                bordered
                pagination={false}
                scroll={{ x: true, y: 480 }}
                rowKey={(_, i) => String(i)}
                dataSource={s.rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v])))}
                columns={Array.from({ length: Math.max(0, ...s.rows.map((r) => r.length)) }, (_, i) => ({
                  key: `c${i}`,
                  dataIndex: `c${i}`,
                  title: String.fromCharCode(65 + (i % 26)),
                }))}
                footer={s.truncated ? () => '只显示前 300 行' : undefined}
              />
            ),
          }))}
        />
      );
    case 'text':
      return (
        <pre data-testid="text-preview" style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, maxHeight: 560, overflow: 'auto' }}>
          {preview.text}
          {preview.truncated ? '\n……（只显示开头部分）' : ''}
        </pre>
      );
    case 'minutes':
      return <MinutesPage form={preview.form} />;
    default:
      return <FileCard material={material} />;
  }
}

/** Preview of any material: photos, PDF pages, DOCX, OFD and XLSX content, minutes; videos as a card. */
export function MaterialPreviewView({ material }: { material: Material }) {
  const { api } = usePlatform();
  const load = useCallback(
    (): Promise<MaterialPreview> => api['materials.preview']({ materialId: material.id }),
    // sha256: a new version of the minutes shows anew
    [api, material.id, material.sha256],
  );
  const preview = useQuery(`preview:${material.id}`, load, '无法预览');
  if (!preview.data) return <Spin />;
  return <Preview material={material} preview={preview.data} />;
}
