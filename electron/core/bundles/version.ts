import { createHash } from 'node:crypto';
import type { SubmittedPhoto } from '../../../shared/api/bundleFormat';
import type { MaterialFields } from '../../../shared/domain';

/** What a 报送包 says of one material, hashed: a newer bundle applies only materials whose version changed. */
export function materialVersion(sha256: string, fields: MaterialFields, codes: string[], photos?: SubmittedPhoto[]): string {
  const ordered = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
  // A 组照's photos, their order and captions are part of it; other kinds hash as in version 1.
  const versioned = { sha256, fields: ordered, codes: [...codes].sort(), ...(photos ? { photos: photos.map((p) => [p.sha256, p.caption]) } : {}) };
  return createHash('sha256').update(JSON.stringify(versioned)).digest('hex');
}

export function pickFields(m: MaterialFields): MaterialFields {
  return {
    title: m.title,
    responsible: m.responsible,
    docNumber: m.docNumber,
    date: m.date,
    securityLevel: m.securityLevel,
    retention: m.retention,
    pages: m.pages,
    note: m.note,
    photoTime: m.photoTime,
    place: m.place,
    people: m.people,
    photographer: m.photographer,
    description: m.description,
  };
}
