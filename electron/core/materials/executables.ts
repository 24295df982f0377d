import path from 'node:path';

/**
 * Names Windows (or another desktop) runs, installs, mounts or opens as code when a clerk
 * double-clicks them. Such files are never filed: 打开原件 hands a material to the shell, and a
 * `通知.pdf.exe` from a QQ group would run.
 */
const RUNNABLE_EXTENSIONS = new Set(
  [
    // programs and libraries
    'exe', 'com', 'scr', 'pif', 'cpl', 'dll', 'sys', 'ocx', 'drv', 'efi', 'msi', 'msp', 'mst', 'msix', 'msixbundle', 'appx', 'appxbundle',
    'application', 'appref-ms', 'gadget', 'xbap', 'jar', 'apk', 'app', 'deb', 'rpm', 'run', 'dmg', 'pkg',
    // scripts
    'bat', 'cmd', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'wsc', 'ws', 'hta', 'ps1', 'psm1', 'psd1', 'ps1xml', 'ps2', 'psc1',
    'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'py', 'pyw', 'pyc', 'pl', 'rb', 'php', 'lua', 'tcl', 'scpt', 'applescript', 'au3', 'ahk',
    // shortcuts, registry, settings and containers the shell runs or mounts
    'lnk', 'url', 'website', 'desktop', 'scf', 'reg', 'inf', 'ins', 'isp', 'msc', 'settingcontent-ms', 'library-ms', 'searchconnector-ms',
    'chm', 'hlp', 'iso', 'img', 'vhd', 'vhdx', 'diagcab', 'xll', 'sct', 'cab', 'msu', 'appinstaller', 'jnlp', 'rdp', 'pyz', 'pyzw', 'pyo',
    'msh', 'msh1', 'msh2', 'mshxml', 'shb', 'shs', 'theme', 'themepack', 'wsb', 'vsto', 'xla', 'xlam', 'ppa', 'ppam', 'ade', 'adp', 'mde',
    'accde', 'search-ms',
  ],
);

/** Magic numbers of executables: Windows PE (MZ), Linux ELF, macOS Mach-O. */
function isExecutableContent(head: Buffer): boolean {
  // MZ, and the "PE\0\0" signature where its header points (a text that starts "MZ" is text).
  if (head.length >= 0x40 && head[0] === 0x4d && head[1] === 0x5a) {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 4 <= head.length && head.readUInt32BE(pe) === 0x50450000) return true;
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) return true; // \x7fELF
  if (head.length >= 4) {
    const magic = head.readUInt32BE(0);
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return true;
  }
  return false;
}

/**
 * Why this file must not be filed, or null. By name (the last extension decides what Windows
 * does) and by content (a program renamed to hide what it is).
 */
export function runnableReason(fileName: string, head: Buffer | null): string | null {
  const base = path.basename(fileName).replace(/[. ]+$/, ''); // Windows ignores trailing dots and spaces
  const ext = path.extname(base).slice(1).toLowerCase();
  if (RUNNABLE_EXTENSIONS.has(ext)) {
    const inner = path.extname(base.slice(0, -ext.length - 1)).toLowerCase();
    const disguise = inner && !RUNNABLE_EXTENSIONS.has(inner.slice(1)) ? `，文件名伪装成 ${inner} 文件` : '';
    return `是可执行程序、脚本或快捷方式（.${ext}${disguise}），打开时会运行其中的代码，为安全起见未添加`;
  }
  if (head && isExecutableContent(head)) return '内容是可执行程序（与扩展名不符），打开时会运行其中的代码，为安全起见未添加';
  return null;
}

/** For 打开原件: a name the shell would run is never handed to it. */
export function isRunnableName(fileName: string): boolean {
  return runnableReason(fileName, null) !== null;
}
