// The site's pages in headless Chromium (Debian's chromium, driven by puppeteer-core), each
// page as a reader's browser opens it: no console error, no failed request and no request
// outside the output folder; a screenshot that is not blank; every link, stylesheet and image
// resolving to a file of the output folder (a link written in the data aside, DATA_LINKS) (and its #fragment to an id on that page); and no
// axe-core violation. Usage: node check_pages.cjs OUT_DIR PAGE.html... (paths relative to
// OUT_DIR). Prints one line per page; exits 1 on the first page with a problem listed.
'use strict';
const fs = require('fs');
const path = require('path');
const tools = path.join(__dirname, 'web-tools', 'node_modules');
const puppeteer = require(path.join(tools, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(tools, 'axe-core', 'axe.min.js'), 'utf8');

const [outDir, ...pages] = process.argv.slice(2);
const root = fs.realpathSync(outDir);
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
// Links written in the data (an agenda item's Markdown link to a web site) are the author's, not
// the site's: the addresses in this file (one a line, from the data root) may be absolute.
const external = new Set(process.env.DATA_LINKS
  ? fs.readFileSync(process.env.DATA_LINKS, 'utf8').split('\n').filter(Boolean) : []);

// Whether a screenshot (PNG, base64) has more than one colour: drawn on a canvas in the browser.
async function colours(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (data) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + data;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4)
        if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
      return { ink, total: px.length / 4 };
    }, png);
  } finally {
    await page.close();
  }
}

async function check(browser, rel) {
  const problems = [];
  const file = path.join(root, rel);
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('requestfailed', (r) => problems.push('failed request: ' + r.url()));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:')) return;
    if (!url.startsWith('file://') || !decodeURI(new URL(url).pathname).startsWith(root + '/'))
      problems.push('request outside the output folder: ' + url);
  });
  const response = await page.goto('file://' + file, { waitUntil: 'load' });
  if (!response) problems.push('no response');
  // 1. Not blank: some ink on the first screen.
  const shot = await page.screenshot({ encoding: 'base64' });
  const { ink, total } = await colours(browser, shot);
  if (ink < total / 1000) problems.push(`blank screenshot (${ink} of ${total} pixels inked)`);
  // 2. Every reference resolves inside the output folder.
  const refs = await page.evaluate(() =>
    [...document.querySelectorAll('a[href], link[href], img[src]')].map((e) => ({
      tag: e.tagName, attr: e.getAttribute('href') ?? e.getAttribute('src'),
      url: e.href || e.src, text: (e.textContent || e.alt || '').trim() })));
  const links = refs.filter((r) => r.tag === 'A').length;
  for (const r of refs) {
    if (r.attr.startsWith('data:') && r.tag === 'IMG') continue;
    if (r.tag === 'A' && external.has(r.attr)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(r.attr) || r.attr.startsWith('/'))
      { problems.push(`not a relative reference: ${r.attr}`); continue; }
    const url = new URL(r.url);
    const target = decodeURI(url.pathname);
    if (!target.startsWith(root + '/')) { problems.push(`leaves the output folder: ${r.attr}`); continue; }
    if (!fs.existsSync(target) || !fs.statSync(target).isFile())
      { problems.push(`no such file: ${r.attr}`); continue; }
    if (r.tag === 'A' && !r.text) problems.push(`link without text: ${r.attr}`);
    if (url.hash && target.endsWith('.html')) {
      const html = fs.readFileSync(target, 'utf8');
      if (!html.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`))
        problems.push(`no id for ${r.attr}`);
    }
  }
  // 3. axe-core, every rule it runs by default.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await axe.run(document);
    return { violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
             passes: r.passes.length };
  });
  for (const v of result.violations) problems.push('axe: ' + v);
  await page.close();
  return { problems, links, passes: result.passes };
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND',
           '--allow-file-access-from-files'],
  });
  let failed = 0;
  try {
    for (const rel of pages) {
      const { problems, links, passes } = await check(browser, rel);
      if (problems.length) {
        failed++;
        console.log(`FAIL ${rel}`);
        for (const p of problems) console.log('  ' + p);
      } else {
        console.log(`ok ${rel}: ${links} links resolve, ${passes} axe rules pass`);
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
