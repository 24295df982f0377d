import { App } from 'antd';
import { useCallback } from 'react';
import { errorText } from './errors';

/** Show a failed call to the clerk as a notification: what failed, and the Chinese reason. */
export function useReportError(): (err: unknown, title?: string) => void {
  const { notification } = App.useApp();
  return useCallback(
    (err: unknown, title = '操作失败') => {
      notification.error({ title, description: errorText(err), placement: 'topRight', duration: 8 });
    },
    [notification],
  );
}
