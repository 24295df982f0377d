import packageJson from '../../package.json';

/** The one version number: package.json's, shown by the app and `dossier --version`. */
export const appVersion: string = packageJson.version;
