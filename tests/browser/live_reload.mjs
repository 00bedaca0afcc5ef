#!/usr/bin/env node
// Live reload in a real browser (issue 7): `mosty serve` on a temp site, two pages open in
// headless Chromium, then edits on disk. Checks that
//   1. the edited page shows the new text without a manual reload, and the other page does
//      not reload;
//   2. a stylesheet change is swapped in place (no reload);
//   3. a broken file puts the error overlay on the open page, and the fix takes it away.
//
//   node tests/browser/live_reload.mjs            (MOSTY=path/to/mosty, CHROMIUM=/usr/bin/chromium)
//
// Prints `live reload: N passed, M failed`; exits 1 on a failure, 2 when it cannot run.

import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

const here = dirname(new URL(import.meta.url).pathname);
const repo = resolve(here, '..', '..');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
// The newer of the release and debug builds.
const mosty = process.env.MOSTY
  || [join(repo, 'target/release/mosty'), join(repo, 'target/debug/mosty')]
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];

function die(message) {
  console.error(`live reload: ${message}`);
  process.exit(2);
}
if (!existsSync(executablePath)) die(`no Chromium at ${executablePath}; install it (apt-get install -y chromium) or set CHROMIUM`);
if (!mosty || !existsSync(mosty)) die('no mosty binary; run `cargo build` first or set MOSTY');

const site = mkdtempSync(join(tmpdir(), 'mosty-live-'));
const write = (rel, text) => {
  mkdirSync(dirname(join(site, rel)), { recursive: true });
  writeFileSync(join(site, rel), text);
};
const entry = (title, text) => `+++\ntitle = "${title}"\ndate = 2024-05-12\n+++\n${text}\n`;
write('site.toml', 'base_url = "https://college.example/international/"\nlanguages = ["en"]\n');
write('content/_index.md', entry('Home', 'Welcome.'));
write('content/projects/_index.md', '+++\ntitle = "Projects"\n+++\n');
write('content/projects/a/index.md', entry('Alpha', 'Alpha text.'));
write('content/projects/b/index.md', entry('Beta', 'Beta text.'));

const server = spawn(mosty, ['serve', '--port', '0', '--root', site], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: '1' },
});
let log = '';
server.stderr.on('data', (d) => { log += d; });
const origin = await new Promise((resolveUrl, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`no address printed:\n${out}\n${log}`)), 20000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/ at (http:\/\/127\.0\.0\.1:\d+)\//);
    if (m) { clearTimeout(timer); resolveUrl(m[1]); }
  });
  server.on('exit', (code) => reject(new Error(`mosty serve exited with ${code}:\n${log}`)));
}).catch((e) => { die(e.message); });

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
  }
}

try {
  const context = await browser.newContext();
  const pageA = await context.newPage();
  const pageB = await context.newPage();
  await pageA.goto(`${origin}/international/en/projects/a/`);
  await pageB.goto(`${origin}/international/en/projects/b/`);
  // A page that reloads loses this mark.
  for (const p of [pageA, pageB]) await p.evaluate(() => { window.mostyMark = 1; });
  // Let the event streams connect.
  await pageA.waitForTimeout(300);
  const marked = (p) => p.evaluate(() => window.mostyMark === 1);

  await check('the edited page shows the new text by itself; the other page stays', async () => {
    appendFileSync(join(site, 'content/projects/a/index.md'), '\nLIVE-EDIT-1\n');
    await pageA.waitForFunction(() => document.body.innerText.includes('LIVE-EDIT-1'), null, { timeout: 10000 });
    if (!(await marked(pageB))) throw new Error('page B reloaded');
    await pageA.evaluate(() => { window.mostyMark = 1; });
  });

  await check('a stylesheet change is swapped in without a reload', async () => {
    write('static/style.css', 'html { background: rgb(1, 2, 3) }\n');
    await pageA.waitForFunction(
      () => getComputedStyle(document.documentElement).backgroundColor === 'rgb(1, 2, 3)', null, { timeout: 10000 },
    );
    if (!(await marked(pageA))) throw new Error('page A reloaded');
  });

  await check('a broken file shows the overlay on the open page; the fix removes it', async () => {
    write('content/projects/a/index.md', '+++\ntitle = 5\n+++\n');
    await pageA.waitForSelector('#mosty-errors', { timeout: 10000 });
    const text = await pageA.locator('#mosty-errors').innerText();
    if (!text.includes('content/projects/a/index.md:2:9')) throw new Error(`overlay says: ${text}`);
    write('content/projects/a/index.md', entry('Alpha', 'Fixed text.'));
    await pageA.waitForFunction(
      () => !document.getElementById('mosty-errors') && document.body.innerText.includes('Fixed text.'), null, { timeout: 10000 },
    );
  });
} finally {
  await browser.close();
  server.kill('SIGINT');
  rmSync(site, { recursive: true, force: true });
}

console.log(`live reload: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
