// What the 另存为 dialog is opened with, decided here (plain, tested) so the shell only calls
// dialog.showSaveDialog: the page names a file, never a folder or a path to write to.
import path from 'node:path';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'PDF 文档', extensions: ['pdf'] },
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
  '.zip': { name: 'ZIP 压缩包', extensions: ['zip'] },
  '.dossier-task': { name: '任务包', extensions: ['dossier-task'] },
  '.dossier-submit': { name: '报送包', extensions: ['dossier-submit'] },
};

export type SaveDialogDecision =
  | { ok: true; defaultPath: string; filters: { name: string; extensions: string[] }[] }
  | { ok: false; message: string };

/** The suggested file name from the page → the dialog's options, in the clerk's 文档 folder. */
export function saveDialogOptions(suggested: unknown, documentsDir: string): SaveDialogDecision {
  if (typeof suggested !== 'string' || suggested.length === 0 || suggested.length > 200) {
    return { ok: false, message: '无法打开保存对话框：建议的文件名无效' };
  }
  // A bare name only: a page that could suggest “..\\..\\x” would choose where to write.
  if (/[\\/:*?"<>|\0]/.test(suggested) || suggested.startsWith('.')) {
    return { ok: false, message: '无法打开保存对话框：建议的文件名无效' };
  }
  const filter = FILTERS[path.extname(suggested).toLowerCase()];
  return { ok: true, defaultPath: path.join(documentsDir, suggested), filters: filter ? [filter] : [] };
}
