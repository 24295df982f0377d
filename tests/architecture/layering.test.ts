// The folder layout is the architecture; these rules keep it honest.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return specs;
}

/** Top-level folder a relative import lands in, e.g. 'electron/core'. */
function target(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const abs = path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep);
  return abs[0] === 'electron' ? `electron/${abs[1]}` : abs[0];
}

describe('layering', () => {
  it('shared/ imports nothing from the other folders and no Node or Electron module', () => {
    for (const file of sourceFiles('shared')) {
      for (const spec of importsOf(file)) {
        expect(spec.startsWith('node:') || spec === 'electron', `${file} → ${spec}`).toBe(false);
        const t = target(file, spec);
        expect(t === null || t === 'shared', `${file} → ${spec}`).toBe(true);
      }
    }
  });

  it('electron/core never imports electron, the shell or the renderer', () => {
    for (const file of sourceFiles('electron/core')) {
      for (const spec of importsOf(file)) {
        expect(spec === 'electron' || spec.startsWith('electron/'), `${file} → ${spec}`).toBe(false);
        const t = target(file, spec);
        // package.json is data (the version number), not a layer.
        expect(t === null || t === 'electron/core' || t === 'shared' || t === 'package.json', `${file} → ${spec}`).toBe(true);
      }
    }
  });

  it('renderer/ imports only shared/ (and npm packages for the browser)', () => {
    for (const file of sourceFiles('renderer/src')) {
      for (const spec of importsOf(file)) {
        expect(spec.startsWith('node:') || spec === 'electron', `${file} → ${spec}`).toBe(false);
        const t = target(file, spec);
        expect(t === null || t === 'renderer' || t === 'shared', `${file} → ${spec}`).toBe(true);
      }
    }
  });

  it('the renderer takes only types from the contract: its schemas stay in the core, out of the start-up bundle', () => {
    const valueImport = /^import\s+(?!type\b)[^;]*?from\s*['"]([^'"]*shared\/api(?:\/[^'"]*)?)['"]/gm;
    for (const file of sourceFiles('renderer/src')) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const found = [...text.matchAll(valueImport)].map((m) => m[1]);
      expect(found, file).toEqual([]);
    }
    for (const spec of importsOf('shared/client.ts')) expect(spec.startsWith('.')).toBe(true);
    expect(fs.readFileSync(path.join(root, 'shared/client.ts'), 'utf8')).toMatch(/^import type \{[^}]*\} from '\.\/api';/m);
  });

  it('the IPC bridge stays free of electron so it can be tested with a fake ipcMain', () => {
    expect(importsOf('electron/main/ipcBridge.ts')).not.toContain('electron');
  });
});
