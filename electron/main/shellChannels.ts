// Shell features that are not part of the archive API (native dialogs, opening a folder).
export const shellChannels = {
  pickFiles: 'dossier-shell:pickFiles',
  pickDirectory: 'dossier-shell:pickDirectory',
  pickSavePath: 'dossier-shell:pickSavePath',
  openPath: 'dossier-shell:openPath',
  openOriginal: 'dossier-shell:openOriginal',
} as const;
