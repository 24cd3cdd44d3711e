// Reads every page of a PDF with pdf.js (Firefox's PDF engine) as a viewer does — its
// operators (fonts loaded, glyphs drawn) and its text — with warnings on, and prints each
// warning or error pdf.js logged, one a line (nothing: it read the file silently). Usage:
// node pdfjs_silent.mjs PDFJS_DIR FILE.pdf
import { pdfjsReader } from "../render/pdf/pdfjs_open.mjs";

const [dir, file] = process.argv.slice(2);
const { logs, open, restoreConsole } = await pdfjsReader(dir);
try {
  const doc = await open(file);
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
restoreConsole();
for (const line of logs) console.log(line);
