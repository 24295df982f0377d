import { Alert, Descriptions, Typography } from 'antd';
import type { ExportResult } from '../../../shared/domain';
import { DownloadButton } from '../common/DownloadButton';

/** A written path, copyable; a file (not a folder) can be downloaded in browser mode. */
function PathText({ path, testId, downloadable = false }: { path: string | null; testId: string; downloadable?: boolean }) {
  return path ? (
    <>
      <Typography.Text data-testid={testId} data-path={path} copyable={{ text: path, tooltips: ['复制路径', '已复制'] }} style={{ wordBreak: 'break-all' }}>
        {path}
      </Typography.Text>
      {downloadable && <DownloadButton path={path} testId={`${testId}-download`} />}
    </>
  ) : (
    <Typography.Text type="secondary">未生成</Typography.Text>
  );
}

/** Where the packet was written, how big it is, and which materials became placeholder pages. */
export function ExportResultView({ result, downloadable }: { result: ExportResult; downloadable: boolean }) {
  return (
    <div data-testid="export-result">
      <Alert
        type="success"
        showIcon
        title={`迎检资料已导出：共 ${result.materialCount} 份材料，PDF ${result.pageCount} 页${result.volumePaths.length > 1 ? `（分 ${result.volumePaths.length} 册）` : ''}`}
        style={{ marginBottom: 12 }}
      />
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'dir', label: '输出文件夹', children: <PathText path={result.outDir} testId="export-path-dir" /> },
          { key: 'pdf', label: 'PDF 合订本', children: <PathText path={result.pdfPath} testId="export-path-pdf" downloadable={downloadable} /> },
          ...result.volumePaths.slice(1).map((v, i) => ({ key: `vol${i}`, label: `PDF 第 ${i + 2} 册`, children: <PathText path={v} testId="export-path-volume" downloadable={downloadable} /> })),
          { key: 'xlsx', label: 'Excel 目录', children: <PathText path={result.xlsxPath} testId="export-path-xlsx" downloadable={downloadable} /> },
          result.zipPath
            ? { key: 'zip', label: '材料 zip', children: <PathText path={result.zipPath} testId="export-path-zip" downloadable={downloadable} /> }
            : { key: 'folder', label: '分类文件夹', children: <PathText path={result.folderPath} testId="export-path-folder" /> },
          ...(result.gapsPath ? [{ key: 'gaps', label: '缺项报告（内部）', children: <PathText path={result.gapsPath} testId="export-path-gaps" downloadable={downloadable} /> }] : []),
          ...(result.onlineDir ? [{ key: 'online', label: '网上申报 PDF', children: <PathText path={result.onlineDir} testId="export-path-online" /> }] : []),
          ...(result.onlineCategories
            ? [
                {
                  key: 'categories',
                  label: '网上申报分类',
                  children: (
                    <Typography.Text data-testid="export-online-categories">
                      按类别文件夹：{Object.entries(result.onlineCategories).map(([c, n]) => `${c} ${n} 个`).join('，')}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
      {result.online.some((o) => !o.fits) && (
        <Alert
          data-testid="export-online-report"
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="以下网上申报 PDF 无法压缩到大小上限以内，未生成："
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {result.online
                .filter((o) => !o.fits)
                .map((o) => (
                  <li key={o.indicatorCode}>
                    {o.indicatorCode} {o.indicatorTitle}：{o.reason}
                  </li>
                ))}
            </ul>
          }
        />
      )}
      {result.notices.length > 0 && (
        <Alert
          data-testid="export-notices"
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`${result.notices.length} 份材料未能并入 PDF，已用说明页代替：`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 180, overflow: 'auto' }}>
              {result.notices.map((n, i) => (
                <li key={i}>
                  {n.title}：{n.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
