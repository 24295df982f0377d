import { createHash } from 'node:crypto';

/** The first 16 hex digits of the key's SHA-256, in groups of four (“3f2a 9c01 …”). */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
