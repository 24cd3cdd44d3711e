// pdfjs_text.mjs FILE.pdf...: the text pdf.js (Firefox's PDF engine, installed pinned under
// tests/render/pdf/pdfjs by scripts/install-deps.sh) gives a reader who selects and copies it:
// page.getTextContent()'s items, a line break where pdf.js ends a line (hasEOL), a space
// between other items. One JSON line per file: {"file": ..., "text": ..., "warnings": [...]}.
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'pdfjs', 'package.json'));
const pdfjsPath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
const logs = [];
for (const k of ['log', 'warn', 'error', 'info']) {
  console[k] = (...a) => logs.push(`${k}: ${a.map(String).join(' ')}`);
}
const pdfjs = await import(pdfjsPath);
const out = [];
for (const file of process.argv.slice(2)) {
  const data = new Uint8Array(fs.readFileSync(file));
  logs.length = 0;
  const doc = await pdfjs.getDocument({ data, verbosity: pdfjs.VerbosityLevel.WARNINGS,
                                        isEvalSupported: false, disableFontFace: true,
                                        useSystemFonts: false }).promise;
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
