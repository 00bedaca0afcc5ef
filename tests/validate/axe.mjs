#!/usr/bin/env node
// axe-core in headless Chromium (playwright-core), for tests/validate/run.sh.
//
//   node tests/validate/axe.mjs BASE_URL SITE_DIR
//
// Opens, in every language of the built site in SITE_DIR served at BASE_URL, the home page,
// the first project, the first partner, the timeline and the map; injects axe-core and runs
// it (WCAG 2.x A/AA rules and best practices). Prints every violation; exits 1 if any is
// serious or critical, 2 when it cannot run. Requests to other hosts are blocked.

import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../browser/package.json'));
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const [base, siteArg] = process.argv.slice(2);
if (!base || !siteArg) {
  console.error('usage: axe.mjs BASE_URL SITE_DIR');
  process.exit(2);
}
const site = resolve(siteArg);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}`);
  process.exit(2);
}

const languages = readdirSync(site)
  .filter((n) => existsSync(join(site, n, 'index.html')))
  .filter((n) => readFileSync(join(site, n, 'index.html'), 'utf8').slice(0, 500).includes(`<html lang="${n}"`))
  .sort();
const first = (dir) => {
  const p = join(site, dir);
  if (!existsSync(p)) return null;
  const n = readdirSync(p).filter((e) => existsSync(join(p, e, 'index.html'))).sort()[0];
  return n ? `${dir}/${n}/` : null;
};

const pages = [];
for (const lang of languages) {
  for (const [kind, path] of [
    ['home', `${lang}/`],
    ['project', first(`${lang}/projects`)],
    ['partner', first(`${lang}/partners`)],
    ['timeline', `${lang}/timeline/`],
    ['map', `${lang}/map/`],
  ]) {
    if (path && existsSync(join(site, path, 'index.html'))) pages.push({ lang, kind, path });
    else console.log(`missing: ${lang} ${kind}`);
  }
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const origin = new URL(base).origin;
await context.route('**/*', (route) =>
  new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
);

let serious = 0;
let total = 0;
const counts = {};
for (const p of pages) {
  const page = await context.newPage();
  await page.goto(new URL(p.path, base).href, { waitUntil: 'load' });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  for (const v of result.violations) {
    total += 1;
    const bad = v.impact === 'serious' || v.impact === 'critical';
    if (bad) serious += 1;
    const key = `${v.impact} ${v.id}`;
    counts[key] = (counts[key] || 0) + 1;
    console.log(`${bad ? 'FAIL' : 'note'} ${p.path} [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
    for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim()}`);
  }
  await page.close();
}
await browser.close();
console.log(`by rule: ${JSON.stringify(counts)}`);
console.log(`axe: ${pages.length} pages in ${languages.length} languages, ${serious} serious or critical violations (${total} violations of any impact)`);
process.exit(serious > 0 ? 1 : 0);
