import fs from 'node:fs/promises';
import { hostilePdf } from '../../extract/pdfReader';
import { healthReasons, pdfHealth } from '../../pdfRepair/health';
import { parseInWorker } from './probeWorker';
import { unusable, usable, type Probe } from './types';

/**
 * Does the PDF open, is it damaged, does it need a password (qpdf, and pdf.js for a damaged
 * file: pdfRepair/health.ts); its page count and active content (JavaScript, Launch) from a
 * parse on the probe worker. A PDF no reader opens is unusable; one they open in spite of damage
 * is named, as a warning.
 */
export async function probePdf(file: string): Promise<Probe> {
  const { size } = await fs.stat(file);
  // A decompression bomb is named and not opened any further: qpdf and pdf.js would inflate it whole.
  const hostile = await hostilePdf({ file }, size);
  if (hostile) return usable({ pageCount: hostile.pageCount, security: [hostile.reason] });
  const health = await pdfHealth(file);
  if (!health.opens && !health.needsPassword) return unusable(healthReasons.damagedUnreadable);
  const parsed = await parseInWorker('pdf', file, size);
  const facts = 'ok' in parsed ? parsed.ok : null;
  const security: string[] = [];
  if (health.needsPassword) security.push('PDF 已加密并设置了打开密码，没有密码无法打开，长期保存时可能无法打开');
  else if (health.restricted) security.push(healthReasons.restricted);
  for (const what of facts?.active ?? []) security.push(`PDF 含有${what}`);
  return usable({ pageCount: facts?.pageCount ?? null, security, damage: health.damaged ? healthReasons.damagedOpens : undefined });
}
