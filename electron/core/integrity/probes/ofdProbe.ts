import { inspectOfd } from '../../ofd/inspect';
import { OfdUnreadable } from '../../ofd/package';
import { unusable, usable, type Probe } from './types';

/**
 * OFD: the package opens, OFD.xml leads to its Document.xml, and every page's content reads (the
 * same reader the import and the packet use). A 电子签章 is no risk and not verified: the
 * preview and the import say it is there.
 */
export async function probeOfd(file: string): Promise<Probe> {
  try {
    return usable({ pageCount: (await inspectOfd(file)).pageCount });
  } catch (err) {
    if (err instanceof OfdUnreadable) return unusable(err.message);
    throw err;
  }
}
