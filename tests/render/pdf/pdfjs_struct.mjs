// pdfjs_struct.mjs FILE.pdf...: loads each PDF with pdf.js (Firefox's PDF engine, installed pinned
// under tests/render/pdf/pdfjs by scripts/install-deps.sh) and prints, as JSON, what its
// page.getStructTree() finds on every page: the roles in tree order, each heading with its
// text (from the page's text content, joined through the marked-content ids), how many table
// header and data cells, and whatever pdf.js logged; one JSON line per file.
import { pdfjsReader } from './pdfjs_open.mjs';

const { logs, open } = await pdfjsReader();
for (const file of process.argv.slice(2)) {
  logs.length = 0;
  const doc = await open(file);
  const result = { pages: doc.numPages, roles: [], headings: [], th: 0, td: 0, figures: 0,
                   links: 0, emptyPages: [], warnings: logs };
  for (let p = 1; p <= doc.numPages; ++p) {
    const page = await doc.getPage(p);
    const tree = await page.getStructTree();
    if (!tree || !tree.children || tree.children.length === 0) result.emptyPages.push(p);
    // The text of each marked-content id: pdf.js tags text items with beginMarkedContentProps.
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = {};
    let current = [];
    for (const item of content.items) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        current.push(item.id || null);
      } else if (item.type === 'endMarkedContent') {
        current.pop();
      } else if (item.str !== undefined) {
        const id = current.filter(Boolean).pop();
        if (id) byId[id] = (byId[id] || '') + item.str;
      }
    }
    const textOf = (node) => {
      if (node.type === 'content') return byId[node.id] || '';
      return (node.children || []).map(textOf).join('');
    };
    const walk = (node) => {
      if (node.role) {
        result.roles.push(node.role);
        if (/^H[1-6]$/.test(node.role)) result.headings.push({ role: node.role, page: p, text: textOf(node) });
        if (node.role === 'TH') result.th++;
        if (node.role === 'TD') result.td++;
        if (node.role === 'Figure') result.figures++;
        if (node.role === 'Link') result.links++;
      }
      for (const child of node.children || []) walk(child);
    };
    if (tree) walk(tree);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  await doc.destroy();
}
