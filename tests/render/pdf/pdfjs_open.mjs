// pdfjs_open.mjs: what every pdf.js test script does before it reads a PDF — load pdf.js
// (Firefox's PDF engine, installed pinned under tests/render/pdf/pdfjs by
// scripts/install-deps.sh, or from the folder given), keep every line it logs, and open a file
// the way a viewer does, with warnings on and no code evaluated.
//
//   const { pdfjs, logs, open, restoreConsole } = await pdfjsReader(dir);
//   const doc = await open('file.pdf');   // logs holds "warn: ..." lines as pdf.js prints them
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const defaultDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdfjs');

export async function pdfjsReader(dir = defaultDir) {
  const logs = [];
  const kept = {};
  for (const k of ['log', 'warn', 'error', 'info']) {
    kept[k] = console[k];
    console[k] = (...a) => logs.push(`${k}: ${a.map(String).join(' ')}`);
  }
  const root = path.join(dir, 'node_modules', 'pdfjs-dist');
  const pdfjs = await import(pathToFileURL(path.join(root, 'legacy', 'build', 'pdf.mjs')).href);
  const open = (file, options = {}) =>
    pdfjs.getDocument({
      data: new Uint8Array(readFileSync(file)),
      verbosity: pdfjs.VerbosityLevel.WARNINGS,
      standardFontDataUrl: `${root}/standard_fonts/`,
      useSystemFonts: false,
      isEvalSupported: false,
      disableFontFace: true,
      ...options,
    }).promise;
  const restoreConsole = () => Object.assign(console, kept);
  return { pdfjs, logs, open, restoreConsole };
}
