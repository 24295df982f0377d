// Point 5: the desktop shell's policy, checked as data and pure decisions (Electron cannot
// start here; window.ts and protocol.ts apply exactly these functions).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedExternalUrl,
  mayNavigate,
  parseAppRequest,
  permissionDecision,
  secureWebPreferences,
  windowOpenDecision,
} from '../../electron/main/policy';
import { repoRoot } from '../helpers/tempArchive';

const read = (rel: string) => fs.readFileSync(path.join(repoRoot, rel), 'utf8');

describe('desktop shell hardening', () => {
  it('creates sandboxed, context-isolated windows without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // The window really uses them, and nothing overrides them.
    const windowTs = read('electron/main/window.ts');
    expect(windowTs).toContain('webPreferences: secureWebPreferences(preloadPath)');
    expect(windowTs).not.toMatch(/nodeIntegration:\s*true|sandbox:\s*false|contextIsolation:\s*false/);
  });

  it('denies every new window and every navigation away from the loaded page', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    const page = 'app://dossier/index.html';
    expect(mayNavigate(page, `${page}#/materials`)).toBe(true);
    for (const target of ['https://evil.example/', 'file:///etc/passwd', 'file:///opt/Dossier/resources/app/out/renderer/index.html', 'app://dossier/other.html', 'app://evil/index.html', `${page}?x=1`, 'javascript:alert(1)', 'not a url']) {
      expect(mayNavigate(page, target), target).toBe(false);
    }
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(permissionDecision(p)).toBe(false);
    }
  });

  it('opens external links only for allow-listed https hosts', () => {
    const list = new Set(['help.example.cn']);
    expect(allowedExternalUrl('https://help.example.cn/guide', list)).toBe('https://help.example.cn/guide');
    for (const url of ['http://help.example.cn/', 'https://evil.example/', 'https://help.example.cn.evil.example/', 'https://user:pw@help.example.cn/', 'file:///C:/x.exe', 'javascript:1']) {
      expect(allowedExternalUrl(url, list), url).toBeNull();
    }
    expect(allowedExternalUrl('https://help.example.cn/')).toBeNull(); // the shipped list is empty
  });

  it('serves app:// stored files only for a known hash', () => {
    const sha = 'a'.repeat(64);
    const root = '/opt/Dossier/out/renderer';
    const known = (s: string) => (s === sha ? { thumbnail: false } : undefined);
    expect(parseAppRequest(`app://dossier/files/${sha}`, root, known)).toEqual({ kind: 'file', variant: 'original', sha256: sha });
    const photo = (s: string) => (s === sha ? { thumbnail: true } : undefined);
    expect(parseAppRequest(`app://dossier/views/${sha}`, root, photo)).toEqual({ kind: 'file', variant: 'view', sha256: sha });
    for (const url of [
      `app://dossier/thumbs/${sha}`, // known, but has no thumbnail
      `app://dossier/views/${sha}`, // known, but not a photo
      `app://dossier/files/${'b'.repeat(64)}`, // well-formed, unknown
      `app://dossier/files/${sha}?x=1`,
      'app://dossier/files/..%2F..%2Farchive.db',
      `app://other/files/${sha}`,
      `dossier://blob/${sha}`,
      `file:///${sha}`,
      `app://dossier/files/${sha.toUpperCase()}`,
    ]) {
      expect(parseAppRequest(url, root, known), url).toBeNull();
    }
    expect(read('electron/main/protocol.ts')).toContain('parseAppRequest(request.url, rendererRoot, lookup)');
  });

  it('ships a strict Content-Security-Policy: no eval, no inline script, no remote origins', () => {
    const html = read('renderer/index.html');
    const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(content).toBeTruthy();
    const directives = new Map(
      content!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(content).not.toContain('unsafe-eval');
    for (const values of directives.values()) {
      for (const v of values) expect(v, `CSP source ${v}`).not.toMatch(/^(https?:|wss?:|\*)|\*\./);
    }
  });
});
