// Reads a book with pdf.js (Firefox's PDF engine) and prints what a reader sees as JSON: the
// outline (titles, 1-based destination pages, children), the form fields' full names, and each
// page's rotation and size, and every warning pdf.js logged. Usage: node pdfjs_read.mjs PDFJS_DIR BOOK.pdf
import { pdfjsReader } from "../render/pdf/pdfjs_open.mjs";

const [dir, file] = process.argv.slice(2);
const { logs, open, restoreConsole } = await pdfjsReader(dir);
const doc = await open(file);

async function page(dest) {
  if (typeof dest === "string") dest = await doc.getDestination(dest);
  if (!Array.isArray(dest) || !dest[0]) return null;
  return (await doc.getPageIndex(dest[0])) + 1;
}
async function outline(items) {
  const out = [];
  for (const item of items || []) {
    out.push({ title: item.title, page: await page(item.dest), kids: await outline(item.items) });
  }
  return out;
}
const fields = Object.keys((await doc.getFieldObjects()) || {}).sort();
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const p = await doc.getPage(n);
  const [x0, y0, x1, y1] = p.view;
  pages.push({ rotate: p.rotate, width: Math.round(x1 - x0), height: Math.round(y1 - y0) });
}
const result = { outline: await outline(await doc.getOutline()), fields, pages, warnings: logs };
restoreConsole();
console.log(JSON.stringify(result));
