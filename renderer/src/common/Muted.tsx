import type { HTMLAttributes } from 'react';

interface Props extends HTMLAttributes<HTMLSpanElement> {
  tone?: 'secondary' | 'success';
}

/**
 * Secondary (or success) text in a line repeated down a table or tree: antd's colours, without
 * Typography.Text's work for each one (it sets up ellipsis measuring and copy), which adds up
 * over every row of the main screen.
 */
export function Muted({ tone = 'secondary', className, ...rest }: Props) {
  return <span className={`dossier-text-${tone}${className ? ` ${className}` : ''}`} {...rest} />;
}
