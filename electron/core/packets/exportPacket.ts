import path from 'node:path';
import type { Dossier, ExportResult } from '../../../shared/domain';
import type { ApiArgs } from '../../../shared/api';
import type { Archive } from '../archive/archive';
import type { JobControl } from '../jobs/jobRegistry';
import type { HtmlRenderer } from '../render/htmlRenderer';

export interface PacketDeps extends JobControl {
  archive: Archive;
  renderer: HtmlRenderer | null;
}

export type PacketOptions = ApiArgs<'packets.export'>;

export function defaultOutDir(archive: Archive, dossier: Dossier): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
  return path.join(archive.root, 'exports', `${dossier.id}-${stamp}`);
}

export async function exportPacket(_deps: PacketDeps, _options: PacketOptions): Promise<ExportResult> {
  throw new Error('packet export: being written');
}
