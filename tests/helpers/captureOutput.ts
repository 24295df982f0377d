/**
 * What the code under test printed while `work` ran, through console or straight to
 * process.stdout/stderr (where a worker thread's own output ends up too); none of it is shown.
 */
export async function captureOutput<T>(work: () => Promise<T>): Promise<{ value: T; printed: string[] }> {
  const printed: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write, console: { ...console } };
  const record = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = (...args: unknown[]) => void record(args.join(' '));
  try {
    return { value: await work(), printed };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    Object.assign(console, saved.console);
  }
}
