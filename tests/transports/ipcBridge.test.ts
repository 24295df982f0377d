// The only test of the Electron shell possible here: drive the IPC registration through a fake
// ipcMain, as Electron would call it.
import { afterAll, describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api';
import { ipcChannel, type Envelope } from '../../shared/transport';
import { createHandlers } from '../../electron/core/handlers';
import { createSenderCheck, registerApiHandlers, type IpcEventLike, type IpcMainLike } from '../../electron/main/ipcBridge';
import { openTestArchive } from '../helpers/tempArchive';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<Envelope>;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  invoke(channel: string, url: string, args: unknown): Promise<Envelope> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: { url } }, args);
  }
}

const rendererFile = '/opt/Dossier/resources/app.asar/out/renderer/index.html';
const appUrl = 'app://dossier/index.html';

describe('IPC bridge', () => {
  const archive = openTestArchive();
  const ipc = new FakeIpcMain();
  registerApiHandlers(ipc, createHandlers(archive.ctx), createSenderCheck({ devServerUrl: null }));
  afterAll(() => archive.close());

  it('registers every method of the handler map, once', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual(apiMethods.map(ipcChannel).sort());
  });

  it('calls through to the core and returns the result', async () => {
    const created = await ipc.invoke(ipcChannel('dossiers.create'), appUrl, { name: '测试档案' });
    expect(created.ok).toBe(true);
    const listed = await ipc.invoke(ipcChannel('dossiers.list'), appUrl, {});
    expect(listed).toMatchObject({ ok: true, result: [{ name: '测试档案' }] });
  });

  it('refuses invalid arguments with a clear Chinese error', async () => {
    const r = await ipc.invoke(ipcChannel('dossiers.create'), appUrl, { name: '', extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_args');
      expect(r.error.message).toContain('请填写档案名称');
    }
    const wrongType = await ipc.invoke(ipcChannel('materials.list'), appUrl, { dossierId: 'abc' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('refuses senders that are not the app page', async () => {
    for (const url of [
      'https://example.com/index.html',
      'file:///tmp/evil/index.html',
      `file://${rendererFile}`, // the built page itself, but over file://: never again
      `file://${rendererFile}.evil.html`,
      'app://dossier/other.html',
      'app://evil/index.html',
      'about:srcdoc',
      'not a url',
    ]) {
      const r = await ipc.invoke(ipcChannel('dossiers.list'), url, {});
      expect(r, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('accepts the dev server origin only in development', () => {
    const dev = createSenderCheck({ devServerUrl: 'http://localhost:5173' });
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev(appUrl)).toBe(false);
  });
});
