import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { usePlatform } from '../platformContext';

/** Which program turns legacy Word/Excel, WPS and slides into pages, or which one to install. */
export function OfficeConverterLine() {
  const { api } = usePlatform();
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api['app.info']({})
      .then((info) => live && setLine(info.officeConverter))
      .catch(() => live && setLine(null));
    return () => {
      live = false;
    };
  }, [api]);
  if (!line) return null;
  const missing = line.includes('未找到');
  return (
    <Typography.Paragraph data-testid="office-converter" type={missing ? 'warning' : 'secondary'} style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
      {line}
    </Typography.Paragraph>
  );
}
