// Each archive's Ed25519 key pair (node:crypto): made once, at its first bundle, and kept in
// the database so that a backup carries it with the archive. Bundles name keys by their SPKI
// DER in base64; a signature is Ed25519 over the bundle's MANIFEST.sha256 bytes.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Db } from '../archive/database';

export interface ArchiveKey {
  /** SPKI DER, base64: what bundles carry and leads pin. */
  publicKey: string;
  privateKey: string;
}

export function archiveKey(db: Db): ArchiveKey {
  return db.transaction(() => {
    const row = db.prepare('SELECT public_key AS publicKey, private_key AS privateKey FROM archive_key WHERE id = 1').get() as ArchiveKey | undefined;
    if (row) return row;
    const pair = generateKeyPairSync('ed25519');
    const key: ArchiveKey = {
      publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    };
    db.prepare('INSERT INTO archive_key (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)').run(key.publicKey, key.privateKey, new Date().toISOString());
    return key;
  })();
}

export function signBytes(key: ArchiveKey, data: Buffer): string {
  const privateKey = createPrivateKey({ key: Buffer.from(key.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, data, privateKey).toString('base64');
}

/** False for a wrong signature and for anything that is not an Ed25519 key or signature. */
export function verifyBytes(publicKey: string, data: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

