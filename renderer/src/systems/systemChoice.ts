import type { IndicatorSystem } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { Platform } from '../api/platform';

/** Where a dossier's 测评体系 comes from. */
export type SystemChoice =
  | { source: 'template'; templateId: string }
  | { source: 'imported'; systemId: number }
  | { source: 'file'; file: File | null; path: string | null; fileName: string };

export function choiceReady(choice: SystemChoice | null): boolean {
  if (!choice) return false;
  // A file becomes an 'imported' choice once the clerk confirms its preview.
  return choice.source !== 'file';
}

/**
 * Turn the choice into a system id: reuse a bundled sample already imported (same source file),
 * import it otherwise. Files are imported through the preview (SystemFileImport) first.
 */
export async function resolveSystemChoice(
  platform: Platform,
  choice: SystemChoice,
  imported: IndicatorSystem[],
): Promise<number> {
  const { api } = platform;
  switch (choice.source) {
    case 'imported':
      return choice.systemId;
    case 'template': {
      const existing = imported.find((s) => s.source === choice.templateId);
      if (existing) return existing.id;
      return (await api['systems.importTemplate']({ templateId: choice.templateId })).id;
    }
    case 'file':
      throw new ApiError('invalid_args', '请先选择测评体系文件，核对预览后点“确认导入”');
  }
}
