/** The two platform members this needs (see api/platform.ts), kept apart so tests run it in Node. */
interface SavePlatform {
  pickSavePath: ((suggestedName: string) => Promise<string | null>) | null;
  download: ((path: string) => void) | null;
}

export interface SavedReport {
  path: string;
  /** Browser mode: handed to the browser's download; the path is the server's copy. */
  downloaded: boolean;
}

/**
 * Save a report where the clerk chooses: the desktop app asks with its 另存为 dialog first (null:
 * cancelled, nothing written); browser mode has the core write it, then downloads it.
 */
export async function saveReport(
  platform: SavePlatform,
  suggestedName: string,
  write: (outFile: string | undefined) => Promise<{ path: string }>,
): Promise<SavedReport | null> {
  if (platform.pickSavePath) {
    const chosen = await platform.pickSavePath(suggestedName);
    if (!chosen) return null;
    return { path: (await write(chosen)).path, downloaded: false };
  }
  const written = await write(undefined);
  platform.download?.(written.path);
  return { path: written.path, downloaded: Boolean(platform.download) };
}
