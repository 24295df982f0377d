// subset-font ships without types; only what we use is declared.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
  export default subsetFont;
}
