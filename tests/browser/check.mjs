#!/usr/bin/env node
// Browser check of a built mosty site (issue 3, "Checks").
//
//   node tests/browser/check.mjs [FOLDER]        FOLDER defaults to ./public
//
// Serves FOLDER on 127.0.0.1 (a random port) with a tiny static server, opens in headless
// Chromium, for every language (every folder with an index.html), the home page, every
// section page (projects, partners, plans, timeline, map, ...) and the first entry of each
// (a project page, a partner page, ...), at a desktop (1280) and a phone (390) width, plus a
// dark-scheme view of the home and project pages and a print view of the project page, and
// saves full-page screenshots to $SCREENSHOTS (default target/screenshots/).
//
// Exits 1 with a list of problems on any JavaScript error (pageerror or console error), any
// failed or non-2xx request, any request to a host other than the local server, or a page
// wider than the phone screen. Exits 2 when it cannot run (no Chromium, no folder).
//
// Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default target/screenshots/),
// ONLY (page names to open, comma-separated: `timeline,timeline-filter,map`; default all).

import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

const root = resolve(process.argv[2] ?? 'public');
const shots = resolve(process.env.SCREENSHOTS ?? 'target/screenshots');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const only = process.env.ONLY ? process.env.ONLY.split(',') : null;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];

function die(message) {
  console.error(`browser check: ${message}`);
  process.exit(2);
}

if (!existsSync(join(root, 'index.html'))) die(`${root} has no index.html; run \`mosty build\` first`);
if (!existsSync(executablePath)) {
  die(`no Chromium at ${executablePath}; install it (apt-get install -y chromium) or set CHROMIUM`);
}

// ---------- what to open ----------
const isDir = (p) => existsSync(p) && statSync(p).isDirectory();
const entriesOf = (dir) =>
  isDir(dir)
    ? readdirSync(dir).filter((n) => existsSync(join(dir, n, 'index.html'))).sort()
    : [];

// A language is a folder whose home page says it is in that language (`<html lang="ka">`);
// other folders with an index.html (status/) are not.
const languages = readdirSync(root)
  .filter((n) => existsSync(join(root, n, 'index.html')))
  .filter((n) => readFileSync(join(root, n, 'index.html'), 'utf8').slice(0, 500).includes(`<html lang="${n}"`))
  .sort();
if (languages.length === 0) die(`${root} has no language folders with an index.html`);

/** Pages of one language, as [name, path]: the home page, every section (a folder with an
 *  index.html: projects, partners, plans, ...) and the first entry of each, then the pages
 *  mosty makes: the timeline, one of its filter pages (by kind) and the partner map. */
const GENERATED = ['timeline', 'map'];
function pagesOf(lang) {
  const pages = [['home', `/${lang}/`]];
  const sections = readdirSync(join(root, lang))
    .filter((n) => !GENERATED.includes(n) && existsSync(join(root, lang, n, 'index.html')))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const section of sections) {
    pages.push([`${section}-index`, `/${lang}/${section}/`]);
    const first = entriesOf(join(root, lang, section))[0];
    if (first) pages.push([section.replace(/s$/, ''), `/${lang}/${section}/${first}/`]);
  }
  if (existsSync(join(root, lang, 'timeline', 'index.html'))) {
    pages.push(['timeline', `/${lang}/timeline/`]);
    const kinds = entriesOf(join(root, lang, 'timeline', 'kind'));
    // A kind with several items, so the filtered page shows something to look at.
    const kind = kinds.includes('delegation') ? 'delegation' : kinds[0];
    if (kind) pages.push(['timeline-filter', `/${lang}/timeline/kind/${kind}/`]);
  }
  if (existsSync(join(root, lang, 'map', 'index.html'))) pages.push(['map', `/${lang}/map/`]);
  return pages;
}
/** Views beyond the two widths: dark scheme and print. */
const DARK = ['home', 'project', 'timeline'];
const PRINT = ['project', 'timeline', 'timeline-filter', 'map'];
function order(section) {
  const i = ['projects', 'partners'].indexOf(section);
  return i === -1 ? 9 : i;
}

// ---------- a tiny static server ----------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.avif': 'image/avif', '.ico': 'image/x-icon', '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf', '.woff2': 'font/woff2', '.woff': 'font/woff',
};

const server = createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (isDir(file)) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------- the browser ----------
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--no-first-run', '--disable-component-update', '--disable-sync',
  ],
});

const problems = [];
let opened = 0;

/** Opens `path` in a fresh context and saves a full-page screenshot as `file`. */
async function visit(path, file, options, after) {
  const { colorScheme = 'light', media = 'screen', ...viewport } = options;
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.deviceScaleFactor ?? 1,
    isMobile: viewport.isMobile ?? false,
    hasTouch: viewport.hasTouch ?? false,
    colorScheme,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const where = `${path} [${file}]`;
  const report = (what) => problems.push(`${where}: ${what}`);

  // Anything for another host is refused before it leaves the browser.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url === origin) return route.continue();
    report(`request to another host: ${url}`);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (e) => report(`JavaScript error: ${e.message}`));
  page.on('console', (m) => {
    // A resource that failed to load is reported once, as a request, below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      report(`console error: ${m.text()}`);
    }
  });
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText?.startsWith('net::ERR_BLOCKED_BY_CLIENT')) return; // reported above
    report(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() < 200 || r.status() > 299) report(`HTTP ${r.status()} for ${r.url()}`);
  });

  try {
    await page.emulateMedia({ media, colorScheme });
    await page.goto(origin + path, { waitUntil: 'load', timeout: 30_000 });
    await page.screenshot({ path: join(shots, file), fullPage: true });
    if (after) await after(page, report);
    opened += 1;
  } catch (e) {
    report(`could not open: ${e.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

/** On the timeline, with JavaScript: a filter link loads its page in place, the address
 *  follows (history.pushState), Back restores the full list. */
async function filtersInPlace(page, report) {
  const all = await page.locator('.tl-results .event').count();
  const chip = page.locator('.tl-filters .chips-year a').first();
  if ((await chip.count()) === 0) return;
  const href = await chip.evaluate((a) => a.href);
  await chip.click();
  await page.waitForFunction((u) => location.href === u && document.querySelector('.tl-filters .chips-year a[aria-current]'), href, { timeout: 5000 })
    .catch(() => report('timeline filter: the address or the active filter did not change'));
  const shown = await page.locator('.tl-results .event').count();
  if (!(shown > 0 && shown < all)) report(`timeline filter: ${shown} of ${all} items shown after filtering`);
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-current'));
  if (focused !== 'page') report('timeline filter: the focus is not on the chosen filter');
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('.tl-results .event').length === n, all, { timeout: 5000 })
    .catch(() => report('timeline filter: Back did not restore the full list'));
}

/** On a phone, nothing may make the page scroll sideways. */
async function fitsTheScreen(page, report) {
  const { scroll, width, culprit } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    let culprit = '';
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && getComputedStyle(el).position !== 'absolute') {
        culprit = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`;
        break;
      }
    }
    return { scroll: document.documentElement.scrollWidth, width: w, culprit };
  });
  if (scroll > width + 1) report(`wider than the screen: ${scroll}px > ${width}px (first: ${culprit})`);
}

try {
  for (const lang of languages) {
    for (const [name, path] of pagesOf(lang).filter(([n]) => !only || only.includes(n))) {
      for (const vp of VIEWPORTS) {
        let after = vp.name === 'phone' ? fitsTheScreen : null;
        if (name === 'timeline' && vp.name === 'desktop') after = filtersInPlace;
        await visit(path, `${lang}-${name}-${vp.name}.png`, vp, after);
      }
      if (DARK.includes(name)) {
        await visit(path, `${lang}-${name}-desktop-dark.png`, { ...VIEWPORTS[0], colorScheme: 'dark' });
      }
      if (PRINT.includes(name)) {
        await visit(path, `${lang}-${name}-print.png`, { width: 794, height: 1123, media: 'print' });
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (problems.length > 0) {
  console.error(`browser check: ${problems.length} problem(s) on ${opened} page view(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`browser check: ${opened} page views in ${languages.join(', ')} are clean; screenshots in ${shots}`);
