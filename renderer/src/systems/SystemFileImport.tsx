import { useState } from 'react';
import type { IndicatorSystem } from '../../../shared/domain';
import { useReportError } from '../common/useReportError';
import { usePlatform } from '../platformContext';
import { ImportPreviewModal } from './ImportPreviewModal';
import { SystemFilePicker } from './SystemFilePicker';

interface Props {
  onImported: (system: IndicatorSystem) => void;
  disabled?: boolean;
}

/** Pick a file, preview it, confirm: only then is the 测评体系 saved. */
export function SystemFileImport({ onImported, disabled }: Props) {
  const platform = usePlatform();
  const reportError = useReportError();
  const [fileName, setFileName] = useState('');
  const [path, setPath] = useState<string | null>(null);
  return (
    <>
      <SystemFilePicker
        disabled={disabled}
        fileName={fileName}
        onPicked={(picked) => {
          setFileName(picked.fileName);
          const resolve = picked.path ? Promise.resolve(picked.path) : platform.filesToPaths([picked.file!]).then((p) => p[0]);
          resolve.then(setPath).catch((err: unknown) => reportError(err, '读取文件失败'));
        }}
      />
      <ImportPreviewModal
        path={path}
        onCancel={() => {
          setPath(null);
          setFileName('');
        }}
        onImported={(system) => {
          setPath(null);
          onImported(system);
        }}
      />
    </>
  );
}
