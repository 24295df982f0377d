import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Material } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';

/** 打开原件: the stored original in the clerk's usual program (desktop) or a new tab (browser). */
export function OpenOriginalLink({ material, children }: { material: Pick<Material, 'sha256' | 'originalName'>; children: ReactNode }) {
  const { openOriginal } = usePlatform();
  const reportError = useReportError();
  return (
    <Typography.Link
      data-testid="open-original"
      onClick={() => openOriginal(material.sha256, material.originalName).catch((err: unknown) => reportError(err, '无法打开原件'))}
    >
      {children}
    </Typography.Link>
  );
}
