import fs from 'node:fs/promises';

/** Flush a written file's bytes to disk before it is renamed into place. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush a folder's entries so a rename into it survives power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  // Folders cannot be opened for sync on Windows; renames are atomic there anyway.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
