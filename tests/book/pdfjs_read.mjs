// Reads a book with pdf.js (Firefox's PDF engine) and prints what a reader sees as JSON: the
// outline (titles, 1-based destination pages, children), the form fields' full names, and each
// page's rotation and size. Usage: node pdfjs_read.mjs PDFJS_DIR BOOK.pdf
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [dir, file] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(`${dir}/node_modules/pdfjs-dist/legacy/build/pdf.mjs`).href);
const warnings = [];
const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(file)),
  verbosity: 0,
  isEvalSupported: false,
}).promise;

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
console.log(JSON.stringify({ outline: await outline(await doc.getOutline()), fields, pages, warnings }));
