import { packetDefinitionSchema } from '../../../../shared/api/packets';
import type { Packet, PacketDefinition } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import type { Db } from '../../archive/database';
import { audit } from '../../audit/auditLog';
import { getDossier } from '../../dossiers/repo';

interface PacketRow {
  id: number;
  dossier_id: number;
  name: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

/**
 * Stored JSON goes through the same schema as API input, so a definition saved by an older
 * version gets today's defaults for options it did not know.
 */
function toPacket(row: PacketRow): Packet {
  let raw: unknown;
  try {
    raw = JSON.parse(row.definition);
  } catch {
    raw = {};
  }
  const parsed = packetDefinitionSchema.safeParse(raw);
  return {
    id: row.id,
    dossierId: row.dossier_id,
    name: row.name,
    definition: parsed.success ? parsed.data : packetDefinitionSchema.parse({}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listPackets(db: Db, dossierId: number): Packet[] {
  getDossier(db, dossierId);
  return (db.prepare('SELECT * FROM packet WHERE dossier_id = ? ORDER BY id').all(dossierId) as PacketRow[]).map(toPacket);
}

export function getPacket(db: Db, id: number): Packet {
  const row = db.prepare('SELECT * FROM packet WHERE id = ?').get(id) as PacketRow | undefined;
  if (!row) throw new ApiError('not_found', `迎检资料方案不存在（编号 ${id}）`);
  return toPacket(row);
}

export function createPacket(db: Db, dossierId: number, name: string, definition: PacketDefinition): Packet {
  return db.transaction(() => {
    getDossier(db, dossierId);
    const now = new Date().toISOString();
    const info = db
      .prepare('INSERT INTO packet (dossier_id, name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(dossierId, name, JSON.stringify(definition), now, now);
    const id = Number(info.lastInsertRowid);
    audit(db, 'create', 'packet', id, { name });
    return getPacket(db, id);
  })();
}

export function updatePacket(db: Db, id: number, changes: { name?: string; definition?: PacketDefinition }): Packet {
  return db.transaction(() => {
    const current = getPacket(db, id);
    const name = changes.name ?? current.name;
    const definition = changes.definition ?? current.definition;
    db.prepare('UPDATE packet SET name = ?, definition = ?, updated_at = ? WHERE id = ?').run(
      name,
      JSON.stringify(definition),
      new Date().toISOString(),
      id,
    );
    audit(db, 'update', 'packet', id, { name });
    return getPacket(db, id);
  })();
}

export function deletePacket(db: Db, id: number): void {
  db.transaction(() => {
    const current = getPacket(db, id);
    db.prepare('DELETE FROM packet WHERE id = ?').run(id);
    audit(db, 'delete', 'packet', id, { name: current.name });
  })();
}
