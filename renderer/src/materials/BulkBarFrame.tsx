import { Button, Space } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

const FRAME: CSSProperties = { padding: '6px 12px', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, marginBottom: 8 };

/** The bulk bar's box, shared by the bar and the stand-in drawn while its code loads. */
export function BulkBarFrame({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={FRAME}>
      {children}
    </div>
  );
}

/** Same size as the bar, so the list moves once, with the click that selected, not a moment later. */
export function BulkBarPending({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <BulkBarFrame>
      <Space>
        <span>已选 {count} 份</span>
        <Button size="small" disabled style={{ visibility: 'hidden' }} aria-hidden>
          批量著录
        </Button>
      </Space>
    </BulkBarFrame>
  );
}
