// Issue 11, points 8 (shell part) and 10: the desktop shell's policy, checked as pure decisions
// and as the packaging config (Electron cannot start here; the shell applies exactly these).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { PAGE_CSP } from '../../shared/transport';
import { createSenderCheck } from '../../electron/main/ipcBridge';
import {
  APP_PAGE_URL,
  appSchemePrivileges,
  mayNavigate,
  openableCopy,
  parseAppRequest,
  printWindowPreferences,
  PRINT_CSP,
  withContentSecurityPolicy,
} from '../../electron/main/policy';
import { repoRoot, tempDir } from '../helpers/tempArchive';

const read = (rel: string) => fs.readFileSync(path.join(repoRoot, rel), 'utf8');
const directives = (csp: string) =>
  new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

describe('the app page comes from app://dossier, not file://', () => {
  const root = path.join(tempDir(), 'renderer');
  const none = () => undefined;

  it('is a standard, secure scheme, and the window loads it', () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true });
    expect(APP_PAGE_URL).toBe('app://dossier/index.html');
    const index = read('electron/main/index.ts');
    expect(index).toContain('win.loadURL(APP_PAGE_URL)');
    expect(index).not.toContain('loadFile');
    expect(read('electron/main/protocol.ts')).toContain('parseAppRequest(request.url, rendererRoot, lookup)');
  });

  it('serves only files inside the built renderer folder', () => {
    expect(parseAppRequest('app://dossier/', root, none)).toEqual({ kind: 'asset', file: path.join(root, 'index.html') });
    expect(parseAppRequest('app://dossier/index.html#/materials', root, none)).toEqual({ kind: 'asset', file: path.join(root, 'index.html') });
    expect(parseAppRequest('app://dossier/assets/index-abc.js', root, none)).toEqual({ kind: 'asset', file: path.join(root, 'assets', 'index-abc.js') });
    for (const url of [
      'app://dossier/..%2F..%2Fetc%2Fpasswd',
      'app://dossier/assets/..%2F..%2F..%2Farchive.db',
      'app://dossier/%2e%2e/%2e%2e/etc/passwd',
      'app://dossier/..%5C..%5Cwindows%5Cwin.ini',
      'app://dossier/C:%5Cwindows%5Cwin.ini',
      'app://dossier/%2Fetc%2Fpasswd/..',
      'app://dossier/index.html%00.png',
      'app://dossier/index.html::$DATA',
      'app://dossier/%E0%A4%A',
      'app://dossier/index.html?x=1',
      'app://user@dossier/index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const r = parseAppRequest(url, root, none);
      if (r?.kind === 'asset') {
        // What the URL parser leaves of a dot segment is still inside the root, never outside.
        expect(path.relative(root, r.file).startsWith('..'), `${url} → ${r.file}`).toBe(false);
        expect(r.file.startsWith(root + path.sep), `${url} → ${r.file}`).toBe(true);
      } else {
        expect(r, url).toBeNull();
      }
    }
    expect(parseAppRequest('app://dossier/..%2F..%2Fetc%2Fpasswd', root, none)).toBeNull();
    expect(parseAppRequest('app://dossier/index.html%00.png', root, none)).toBeNull();
  });

  it('lets only the app page call the API, and never a file:// page', () => {
    const trusted = createSenderCheck({ devServerUrl: null });
    expect(trusted('app://dossier/index.html')).toBe(true);
    expect(trusted('app://dossier/index.html#/packets')).toBe(true);
    for (const url of [
      'file:///opt/Dossier/resources/app.asar/out/renderer/index.html',
      'app://dossier/assets/index.js',
      'app://dossier/index.html?x=1',
      'app://dossier.evil/index.html',
      'app://evil/index.html',
      'dossier://blob/index.html',
      'about:srcdoc',
      'http://localhost:5173/',
      undefined,
    ]) {
      expect(trusted(url), String(url)).toBe(false);
    }
    expect(createSenderCheck({ devServerUrl: 'http://localhost:5173' })('app://dossier/index.html')).toBe(false);
  });

  it('keeps the page on itself', () => {
    expect(mayNavigate(APP_PAGE_URL, `${APP_PAGE_URL}#/x`)).toBe(true);
    for (const target of ['app://dossier/other.html', 'app://evil/index.html', 'file:///opt/Dossier/out/renderer/index.html', 'https://example.com/']) {
      expect(mayNavigate(APP_PAGE_URL, target), target).toBe(false);
    }
  });

  it('sends the page a CSP header that forbids framing, remote code and eval', () => {
    const d = directives(PAGE_CSP);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(PAGE_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(read('electron/main/protocol.ts')).toContain("'content-security-policy': PAGE_CSP");
  });
});

describe('the hidden print window has the main window’s policy', () => {
  it('is sandboxed, isolated, without Node, preload or script', () => {
    const prefs = printWindowPreferences();
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, javascript: false, webviewTag: false });
    expect(prefs).not.toHaveProperty('preload');
    const source = read('electron/main/printToPdfRenderer.ts');
    expect(source).toContain('webPreferences: printWindowPreferences()');
    expect(source).toContain('applyWindowPolicy(win, () => false)');
    expect(source).toContain('withContentSecurityPolicy(html, PRINT_CSP)');
    // The policy it applies denies new windows and guards navigation and redirects.
    const windowTs = read('electron/main/window.ts');
    expect(windowTs).toMatch(/setWindowOpenHandler[\s\S]*windowOpenDecision\(\)/);
    expect(windowTs).toContain("contents.on('will-navigate', guard)");
    expect(windowTs).toContain("contents.on('will-redirect', guard)");
  });

  it('prints documents under a CSP that loads nothing and runs nothing', () => {
    const d = directives(PRINT_CSP);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'none'"]);
    expect(d.get('img-src')).toEqual(['data:']);
    expect(d.get('font-src')).toEqual(['data:']);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
    const page = '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><img src="http://evil.example/x.png"></body></html>';
    const secured = withContentSecurityPolicy(page, PRINT_CSP);
    expect(secured.startsWith('<!doctype html>')).toBe(true); // no quirks mode
    expect(secured.indexOf(meta)).toBeGreaterThan(0);
    expect(secured.indexOf(meta)).toBeLessThan(secured.indexOf('<body>'));
    expect(withContentSecurityPolicy('<p>x</p>', PRINT_CSP).startsWith(meta)).toBe(true);
    expect(withContentSecurityPolicy('<!DOCTYPE html><p>x</p>', PRINT_CSP)).toBe(`<!DOCTYPE html>${meta}<p>x</p>`);
  });
});

describe('the shell opens only the copies the core wrote for viewing', () => {
  const tmp = tempDir();
  const openRoot = path.join(tmp, 'tmp', 'open');
  const copy = path.join(openRoot, 'f3a1', '会议纪要.pdf');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.writeFileSync(copy, '%PDF-1.4');
  const outside = path.join(tmp, 'outside.pdf');
  fs.writeFileSync(outside, '%PDF-1.4');

  it('opens a regular file inside the open-copy folder', async () => {
    expect(await openableCopy(copy, openRoot)).toEqual({ ok: true, file: fs.realpathSync(copy) });
  });

  it('refuses every other path with a Chinese message', async () => {
    const linkOut = path.join(openRoot, 'f3a1', 'link.pdf');
    fs.symlinkSync(outside, linkOut);
    const dirLink = path.join(openRoot, 'd1');
    fs.symlinkSync(tmp, dirLink);
    const folder = path.join(openRoot, 'f3a2', 'folder');
    fs.mkdirSync(folder, { recursive: true });
    const program = path.join(openRoot, 'f3a3', '通知.pdf.exe');
    fs.mkdirSync(path.dirname(program));
    fs.writeFileSync(program, 'MZ');
    const flat = path.join(openRoot, 'flat.pdf');
    fs.writeFileSync(flat, '%PDF-1.4');
    const deep = path.join(openRoot, 'a', 'b', 'c.pdf');
    fs.mkdirSync(path.dirname(deep), { recursive: true });
    fs.writeFileSync(deep, '%PDF-1.4');
    for (const target of [
      outside,
      '/etc/passwd',
      'C:\\Windows\\System32\\calc.exe',
      path.join(openRoot, 'f3a1', '..', '..', '..', 'outside.pdf'),
      'f3a1/会议纪要.pdf',
      linkOut,
      path.join(dirLink, 'outside.pdf'),
      folder,
      path.dirname(copy),
      openRoot,
      program,
      flat,
      deep,
      `${copy}\0.txt`,
      path.join(openRoot, 'f3a1', 'missing.pdf'),
      42,
      null,
    ]) {
      const decision = await openableCopy(target, openRoot);
      expect(decision.ok, String(target)).toBe(false);
      if (!decision.ok) expect(decision.message, String(target)).toMatch(/^(拒绝打开|无法打开)/);
    }
  });

  it('is what both shell channels go through', () => {
    const index = read('electron/main/index.ts');
    expect(index).toContain('openableCopy(target, openCopyRoot(core.archive))');
    expect(index).toMatch(/shellChannels\.openPath,[^\n]*openCopy\(target\)/);
    expect(index).toMatch(/shellChannels\.openOriginal[\s\S]*await openCopy\(await copyForViewing\(/);
    // No other way to the shell's openPath.
    expect(index.match(/shell\.openPath\(/g)).toHaveLength(1);
  });
});

describe('the package flips Electron’s fuses', () => {
  it('sets every fuse as required, in a config electron-builder accepts', async () => {
    const config = await getConfig(repoRoot, 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar ?? true).toBe(true); // onlyLoadAppFromAsar needs the app in an asar
  }, 30_000);
});
