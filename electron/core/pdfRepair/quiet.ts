/** Sections now running with console.warn borrowed; it is given back when the last one ends. */
let borrowed = 0;
let saved: typeof console.warn = console.warn;

/**
 * pdf-lib reports every object it skips in a damaged or encrypted file on console.warn; the
 * clerk's terminal (the command line) is no place for it. Only console.warn is borrowed, which
 * nothing of ours writes to; parses running side by side (an import of many files) share the
 * loan.
 */
export async function withoutPdfLibWarnings<T>(work: () => Promise<T>): Promise<T> {
  if (borrowed++ === 0) {
    saved = console.warn;
    console.warn = () => {};
  }
  try {
    return await work();
  } finally {
    if (--borrowed === 0) console.warn = saved;
  }
}
