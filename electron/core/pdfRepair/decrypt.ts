import { needsPassword, type PdfInput } from './check';
import { runQpdf } from './qpdfWorker';

/**
 * The PDF without its encryption, by qpdf. A PDF with only an owner password (it forbids
 * copying or printing, and every reader opens it without asking) decrypts with the empty user
 * password; one that needs a password to open gives 'password'; null when qpdf cannot read it
 * (this qpdf does not recover damaged files: see check.ts).
 */
export async function decryptPdf(input: PdfInput, size: number): Promise<Uint8Array | 'password' | null> {
  const run = await runQpdf(['--decrypt', '/in.pdf', '/out.pdf'], input, size, ['out.pdf']);
  if ('stopped' in run) return null;
  if (needsPassword(run)) return 'password';
  return run.rc === 0 || run.rc === 3 ? (run.files['out.pdf'] ?? null) : null;
}
