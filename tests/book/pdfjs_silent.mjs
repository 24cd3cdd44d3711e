// Reads every page of a PDF with pdf.js (Firefox's PDF engine) as a viewer does — its
// operators (fonts loaded, glyphs drawn) and its text — with warnings on, and prints each
// warning or error pdf.js logged, one a line (nothing: it read the file silently). Usage:
// node pdfjs_silent.mjs PDFJS_DIR FILE.pdf
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [dir, file] = process.argv.slice(2);
const root = `${dir}/node_modules/pdfjs-dist`;
const logs = [];
const keep = { log: console.log, warn: console.warn, error: console.error, info: console.info };
for (const k of ["log", "warn", "error", "info"]) {
  console[k] = (...a) => logs.push(`${k}: ${a.map(String).join(" ")}`);
}
const pdfjs = await import(pathToFileURL(`${root}/legacy/build/pdf.mjs`).href);
try {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    verbosity: pdfjs.VerbosityLevel.WARNINGS,
    standardFontDataUrl: `${root}/standard_fonts/`,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getOperatorList();
    await page.getTextContent();
    await page.getAnnotations();
  }
  await doc.destroy();
} catch (e) {
  logs.push(`exception: ${e}`);
}
for (const k of Object.keys(keep)) console[k] = keep[k];
for (const line of logs) console.log(line);
