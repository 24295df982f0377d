import { App } from 'antd';
import { createElement, useCallback } from 'react';
import { ErrorDetails } from './ErrorDetails';

/** Show a failed call to the clerk as a notification: what failed, the Chinese reason, 详细信息 folded. */
export function useReportError(): (err: unknown, title?: string) => void {
  const { notification } = App.useApp();
  return useCallback(
    (err: unknown, title = '操作失败') => {
      notification.error({ title, description: createElement(ErrorDetails, { error: err }), placement: 'topRight', duration: 10 });
    },
    [notification],
  );
}
