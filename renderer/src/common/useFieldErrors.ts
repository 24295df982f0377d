import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { errorFields } from './errors';

export interface FieldErrors {
  /** Props for the antd Form.Item of `path`: red, with the message under the field. */
  item(path: string): { validateStatus?: 'error'; help?: string };
  /**
   * Take a failed save's field messages. True when at least one is shown at a field of this form,
   * so the caller need not also show a notification.
   */
  take(err: unknown): boolean;
  /** The clerk changed a field: its old message goes. */
  clear(path?: string): void;
}

/** Every form's way to show an invalid call's messages at its fields; `paths` are the fields it has. */
export function useFieldErrors(paths: readonly string[]): FieldErrors {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const item = useCallback(
    (path: string) => {
      const issue = issues.find((i) => i.path === path);
      return issue ? { validateStatus: 'error' as const, help: issue.message } : {};
    },
    [issues],
  );
  const take = useCallback(
    (err: unknown) => {
      const shown = errorFields(err).filter((f) => paths.includes(f.path));
      setIssues(shown);
      return shown.length > 0;
    },
    // The paths a form has are fixed; joining keeps the callback stable across renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [paths.join('|')],
  );
  const clear = useCallback((path?: string) => setIssues((now) => (path ? now.filter((i) => i.path !== path) : [])), []);
  return { item, take, clear };
}

/**
 * For antd forms that own their fields: put a refused save's messages under the form's fields.
 * `prefix` is where the form's values sit in the call's arguments ("fields." for materials.update).
 * True when at least one message found its field.
 */
export function showAtFormFields<T>(form: FormInstance<T>, err: unknown, prefix = ''): boolean {
  const names = new Set(Object.keys(form.getFieldsValue(true) as object));
  const shown = errorFields(err)
    .filter((f) => f.path.startsWith(prefix))
    .map((f) => ({ name: f.path.slice(prefix.length).split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), errors: [f.message] }))
    .filter((f) => names.has(String(f.name[0])));
  // The paths come from the server, not from T: antd checks nothing more at run time either.
  if (shown.length) form.setFields(shown as Parameters<FormInstance<T>['setFields']>[0]);
  return shown.length > 0;
}
