// Vite turns `?url` imports into the built asset's URL (the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
