// helpers.js: the small pieces portal.test.js is made of. Build a portal with catalogc, serve it on
// 127.0.0.1, open pages in Debian's Chromium, and check them (console, axe-core, reflow, links).
// The same functions run the real checks and the negative check that proves they can fail.

import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const ARTIFACTS = path.join(HERE, 'artifacts');
export const CATALOGC = path.resolve(HERE, process.env.CATALOGC_BIN || '../../target/debug/catalogc');
export const AS_OF = '2026-11-29';
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The WCAG 2.1 A and AA rules of axe-core; a violation of these impacts fails a page. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const FAILING_IMPACTS = ['serious', 'critical'];

// ---- Building and serving ----

/** A fresh temporary folder, removed by the returned cleanup function. */
export async function tempDir(prefix) {
  const dir = await mkdtemp(path.join(tmpdir(), `catalogc-e2e-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** `catalogc build --root ROOT --out DIR/out --as-of AS_OF [--templates T]`; returns the portal folder. */
export async function buildPortal(root, outDir, { templates } = {}) {
  const args = ['build', '--root', root, '--out', path.join(outDir, 'out'), '--as-of', AS_OF];
  if (templates) args.push('--templates', templates);
  try {
    await run(CATALOGC, args, { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
  } catch (err) {
    throw new Error(`${CATALOGC} ${args.join(' ')} failed:\n${err.stderr || err.message}`);
  }
  return path.join(outDir, 'out', 'portal');
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serve the files of `dir` on 127.0.0.1 (a free port): known types with their content type, 404 otherwise. */
export async function serve(dir) {
  const server = createServer(async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    };
    try {
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      const file = path.join(dir, decodeURIComponent(pathname));
      const type = CONTENT_TYPES[path.extname(file)];
      if (!type || (file !== dir && !file.startsWith(dir + path.sep)) || !(await stat(file)).isFile()) {
        return notFound();
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Every .html file under `dir`, as paths relative to it with forward slashes. */
export async function htmlFiles(dir, prefix = '') {
  const found = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await htmlFiles(dir, rel)));
    else if (entry.name.endsWith('.html')) found.push(rel);
  }
  return found.sort();
}

/** A build of `root` served over HTTP: {portal, url, close}. */
export async function buildAndServe(root, options) {
  const tmp = await tempDir('portal');
  let portal;
  let server;
  try {
    portal = await buildPortal(root, tmp.dir, options);
    server = await serve(portal);
  } catch (err) {
    await tmp.cleanup();
    throw err;
  }
  return {
    portal,
    url: server.url,
    close: async () => {
      await server.close();
      await tmp.cleanup();
    },
  };
}

// ---- The browser ----

/** Debian's Chromium, headless, through playwright-core (no browser download, ever). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 60_000,
  });
}

/** A browser context with bounded timeouts. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Open `url` in a new page of `context`, recording what goes wrong: console errors, uncaught page
 * errors, dialogs (dismissed). Returns {page, status, problems}; `problems` keeps filling while the
 * page lives, so read it after interacting.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location();
      problems.consoleErrors.push(`${msg.text()}${where && where.url ? ` (${where.url})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err && err.message ? err.message : err)));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, status: response ? response.status() : 0, problems };
}

// ---- The checks ----

/**
 * Run axe-core (WCAG 2.0/2.1 A and AA) on the page. Returns {violations, incomplete, failing}, each
 * violation as {id, impact, help, nodes: [target]}; `failing` are those with a serious or critical impact.
 */
export async function audit(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const brief = (list) =>
      list.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    return { violations: brief(r.violations), incomplete: brief(r.incomplete), passes: r.passes.length };
  }, AXE_TAGS);
  results.failing = results.violations.filter((v) => FAILING_IMPACTS.includes(v.impact));
  return results;
}

/** Count of axe results by impact, e.g. {serious: 1, minor: 2}. */
export function byImpact(list) {
  const counts = {};
  for (const v of list) counts[v.impact || 'none'] = (counts[v.impact || 'none'] || 0) + 1;
  return counts;
}

/** A readable one-line-per-violation description, for assertion messages. */
export function describeViolations(list) {
  return list.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`).join('\n');
}

/**
 * Whether the page scrolls sideways at its current viewport: {ok, scrollWidth, innerWidth, widest}
 * (`widest`: the element reaching furthest right, to say what overflows).
 */
export async function noHorizontalScroll(page) {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    const innerWidth = window.innerWidth;
    let widest = null;
    let right = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect().right + window.scrollX;
      if (r > right) {
        right = r;
        const classes = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        widest = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${classes}`;
      }
    }
    return { ok: scrollWidth <= innerWidth, scrollWidth, innerWidth, widest, right: Math.round(right) };
  });
}

/** Every a[href] of the page ({href: as written, url: resolved}) and every id in it. */
export async function collectLinks(page) {
  return page.evaluate(() => ({
    links: Array.from(document.querySelectorAll('a[href]'), (a) => ({ href: a.getAttribute('href'), url: a.href })),
    ids: Array.from(document.querySelectorAll('[id]'), (el) => el.id),
  }));
}

/** HTTP status of a same-origin URL, asked with Node's fetch (no browser needed for this). */
export async function httpStatus(url) {
  const response = await fetch(url, { method: 'GET', redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Check the links of the pages in `pages` (a Map of page URL to {links, ids}): every same-origin
 * link answers 200, every fragment names an id of its target page (`idsOf(url)` loads pages not
 * in the map), none is written as an absolute path or uses `javascript:`. Returns the list of
 * problems (empty when all is well) and the number of distinct targets checked.
 */
export async function checkLinks(origin, pages, idsOf) {
  const problems = [];
  const statusCache = new Map();
  for (const [pageUrl, { links }] of pages) {
    for (const { href, url } of links) {
      const target = new URL(url);
      if (target.protocol === 'javascript:') {
        problems.push(`${pageUrl}: javascript: link ${href}`);
        continue;
      }
      if (target.origin !== origin) continue; // tel:, mailto:, other sites: not ours to request
      if (href.startsWith('/')) problems.push(`${pageUrl}: absolute path ${href} (links must be relative to the page)`);
      const hash = target.hash;
      target.hash = '';
      const doc = target.href;
      if (!statusCache.has(doc)) statusCache.set(doc, await httpStatus(doc));
      const status = statusCache.get(doc);
      if (status !== 200) {
        problems.push(`${pageUrl}: ${href} -> HTTP ${status}`);
        continue;
      }
      if (hash && hash !== '#') {
        const id = decodeURIComponent(hash.slice(1));
        const ids = pages.has(doc) ? pages.get(doc).ids : await idsOf(doc);
        if (!ids.includes(id)) problems.push(`${pageUrl}: ${href} -> no element with id "${id}" on ${doc}`);
      }
    }
  }
  return { problems, targets: statusCache.size };
}

/** Open `url`, run every per-page check at the context's viewport, close the page. */
export async function checkPage(context, url) {
  const { page, status, problems } = await openPage(context, url);
  try {
    const axe = await audit(page);
    const scroll = await noHorizontalScroll(page);
    return { status, ...problems, axe, scroll };
  } finally {
    await page.close();
  }
}
