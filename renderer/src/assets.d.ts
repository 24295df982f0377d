// Vite turns `?url` imports into the built asset's URL (the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}

// Style sheets are bundled by Vite; importing one only adds it to the page.
declare module '*.css';
