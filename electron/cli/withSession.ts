import { openSession, type ArchiveOptions, type CliSession } from './session';

/** Run a command body against an opened archive, always closing it. */
export async function withSession<T>(options: ArchiveOptions, body: (s: CliSession) => Promise<T>): Promise<T> {
  const session = openSession(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}
