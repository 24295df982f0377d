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
  if (choice.source === 'file') return choice.file !== null || choice.path !== null;
  return true;
}

/**
 * Turn the choice into a system id: reuse a bundled sample already imported (same source file),
 * import it otherwise; upload (browser) or read (desktop) an imported file.
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
    case 'file': {
      const path = choice.path ?? (choice.file ? (await platform.filesToPaths([choice.file]))[0] : null);
      if (!path) throw new ApiError('invalid_args', '请先选择测评体系文件');
      return (await api['systems.importFile']({ path })).id;
    }
  }
}
