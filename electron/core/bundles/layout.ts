// Entry names inside a bundle (FORMAT.md): the payload, the originals by hash, the manifest and
// the signature. Nothing else may be in one.
export const PAYLOAD_NAME = 'bundle.json';
export const MANIFEST_NAME = 'MANIFEST.sha256';
export const SIGNATURE_NAME = 'SIGNATURE';
export const TASK_EXTENSION = '.dossier-task';
export const SUBMISSION_EXTENSION = '.dossier-submit';

export const fileEntry = (sha256: string) => `files/${sha256}`;

/** The SHA-256 an originals entry is named by; null for any other name. */
export function entrySha(name: string): string | null {
  const m = /^files\/([0-9a-f]{64})$/.exec(name);
  return m ? m[1] : null;
}
