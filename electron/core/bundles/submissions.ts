import type { SubmissionInfo } from '../../../shared/domain';
import type { Db } from '../archive/database';

interface Row {
  id: number;
  unit: string;
  round: number;
  created_at: string;
  imported_at: string;
  file_name: string;
  summary: string;
}

/** Every 报送包 imported into the dossier, newest first. */
export function listSubmissions(db: Db, dossierId: number): SubmissionInfo[] {
  const rows = db.prepare('SELECT * FROM submission WHERE dossier_id = ? ORDER BY imported_at DESC, id DESC').all(dossierId) as Row[];
  return rows.map((r) => {
    const s = JSON.parse(r.summary) as Partial<Record<'added' | 'duplicates' | 'changed' | 'outsideAssignment' | 'refused', number>>;
    return {
      id: r.id,
      unit: r.unit,
      round: r.round,
      createdAt: r.created_at,
      importedAt: r.imported_at,
      fileName: r.file_name,
      added: s.added ?? 0,
      duplicates: s.duplicates ?? 0,
      changed: s.changed ?? 0,
      outsideAssignment: s.outsideAssignment ?? 0,
      refused: s.refused ?? 0,
    };
  });
}
