import { Collapse, Typography } from 'antd';
import { errorDetail, errorText } from './errors';

/** The clerk's sentence, and the technical text folded under 详细信息 for support. */
export function ErrorDetails({ error, showText = true }: { error: unknown; showText?: boolean }) {
  return (
    <div data-testid="error-details">
      {showText && <div>{errorText(error)}</div>}
      <Collapse
        size="small"
        ghost
        style={{ marginTop: 4, marginInline: -12 }}
        items={[
          {
            key: 'detail',
            label: '详细信息',
            children: (
              <Typography.Paragraph copyable style={{ whiteSpace: 'pre-wrap', fontSize: 12, marginBottom: 0 }} type="secondary">
                {errorDetail(error)}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </div>
  );
}
