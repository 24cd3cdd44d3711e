// pdfjs_text.mjs FILE.pdf...: the text pdf.js (Firefox's PDF engine, installed pinned under
// tests/render/pdf/pdfjs by scripts/install-deps.sh) gives a reader who selects and copies it:
// page.getTextContent()'s items, a line break where pdf.js ends a line (hasEOL), a space
// between other items. One JSON line per file: {"file": ..., "text": ..., "warnings": [...]}.
import { pdfjsReader } from './pdfjs_open.mjs';

const { logs, open } = await pdfjsReader();
const out = [];
for (const file of process.argv.slice(2)) {
  logs.length = 0;
  const doc = await open(file);
  let text = '';
  for (let p = 1; p <= doc.numPages; ++p) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) text += item.str + (item.hasEOL ? '\n' : ' ');
    text += '\n';
  }
  out.push(JSON.stringify({ file, text, warnings: [...logs] }));
  await doc.destroy();
}
process.stdout.write(out.join('\n') + '\n');
