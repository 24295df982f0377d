import { App, Button } from 'antd';
import { useCallback } from 'react';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

const undoneText = { link: '归入', unlink: '移出', trash: '删除' } as const;

/**
 * Confirm a bulk 归入指标 / 移出指标 / 删除 briefly, with an 撤销 button that undoes it in the
 * core (`materials.undoLast`) and then reloads through `onUndone`.
 */
export function useBulkDone(dossierId: number, onUndone: () => void) {
  const { api } = usePlatform();
  const { message } = App.useApp();
  const reportError = useReportError();
  return useCallback(
    (text: string) => {
      const key = `bulk-${Date.now()}`;
      const undo = () => {
        message.destroy(key);
        api['materials.undoLast']({ dossierId }).then(
          (r) => {
            message.success(`已撤销${undoneText[r.action]}：${r.reverted} 份材料已恢复原状`);
            onUndone();
          },
          (err: unknown) => reportError(err, '撤销失败'),
        );
      };
      message.success({
        key,
        duration: 8,
        content: (
          <span data-testid="bulk-done">
            {text}
            <Button type="link" size="small" onClick={undo} data-testid="bulk-undo">
              撤销
            </Button>
          </span>
        ),
      });
    },
    [api, dossierId, message, onUndone, reportError],
  );
}
