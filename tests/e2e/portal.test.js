// portal.test.js: the portal that `catalogc build` writes, in a real browser (Debian's Chromium via
// playwright-core). Run with `node --test` in tests/e2e (or tests/e2e/run.sh from the repository).
//
// 1. The sample catalog (catalog/ at the repository root): every kind of page answers 200, logs no
//    console or page error, has no serious or critical axe-core violation (WCAG 2.1 A/AA), does not
//    scroll sideways at 400 CSS px nor at 200% zoom; every link resolves; search works with and
//    without JavaScript; the skip link is the first Tab stop; screenshots for people to look at.
// 2. A hostile catalog (tests/fixtures/hostile): no payload runs, and the payloads show as text.
// 3. A deliberately broken guide template: the same helpers report its faults (the checks can fail).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ARTIFACTS,
  AS_OF,
  CATALOGC,
  REPO_ROOT,
  audit,
  buildAndServe,
  byImpact,
  checkLinks,
  checkPage,
  collectLinks,
  describeViolations,
  htmlFiles,
  httpStatus,
  launchBrowser,
  newContext,
  noHorizontalScroll,
  openPage,
  tempDir,
} from './helpers.js';

const run = promisify(execFile);

/** One page of each kind in the sample catalog. */
const PAGE_KINDS = {
  home: 'index.html',
  item: 'items/002000112001.html',
  region: 'regions/440300/index.html',
  guide: 'regions/440300/002000112001.html',
  'local item guide': 'regions/370303/372082001001.html',
  event: 'events/newborn.html',
  'regional event': 'regions/440000/events/newborn.html',
  conformance: 'conformance.html',
  search: 'search.html',
};

/** Viewports for the reflow check (WCAG 1.4.10). */
const PHONE = { width: 400, height: 860 };
const DESKTOP = { width: 1280, height: 900 };
// 200% zoom of a 1280 px wide window: the browser lays the page out in 1280 / 2 = 640 CSS px. We
// emulate it as a 640 CSS px wide viewport (deviceScaleFactor does not change the layout width).
const ZOOM_200 = { width: 640, height: 450 };

const HOOK = { timeout: 120_000 };
const STEP = { timeout: 90_000 };

let browser;
before(async () => {
  browser = await launchBrowser();
}, HOOK);
after(async () => {
  if (browser) await browser.close();
});

describe('the portal of the sample catalog', () => {
  let site;
  let context;
  const axeSummary = {};

  before(async () => {
    site = await buildAndServe(REPO_ROOT);
    context = await newContext(browser);
  }, HOOK);
  after(async () => {
    if (Object.keys(axeSummary).length) {
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(path.join(ARTIFACTS, 'axe-summary.json'), JSON.stringify(axeSummary, null, 2) + '\n');
    }
    if (context) await context.close();
    if (site) await site.close();
  });

  for (const [kind, file] of Object.entries(PAGE_KINDS)) {
    test(`${kind} page (${file}): HTTP 200, no console or page errors, no serious or critical axe violation`, STEP, async (t) => {
      const result = await checkPage(context, site.url + file);
      axeSummary[kind] = {
        page: file,
        violations: byImpact(result.axe.violations),
        violationIds: result.axe.violations.map((v) => `${v.impact} ${v.id}`),
        incomplete: result.axe.incomplete.length,
        incompleteIds: result.axe.incomplete.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`),
        passes: result.axe.passes,
      };
      const { violations, incomplete, passes } = axeSummary[kind];
      t.diagnostic(`axe ${kind}: violations ${JSON.stringify(violations)}, incomplete ${incomplete}, passes ${passes}`);
      assert.equal(result.status, 200, `HTTP status of ${file}`);
      assert.deepEqual(result.consoleErrors, [], 'console errors');
      assert.deepEqual(result.pageErrors, [], 'page errors');
      assert.deepEqual(result.dialogs, [], 'dialogs');
      assert.equal(result.axe.failing.length, 0, `axe violations:\n${describeViolations(result.axe.failing)}`);
    });
  }

  for (const [label, viewport] of [['400 CSS px wide (phone)', PHONE], ['200% zoom (640 CSS px of a 1280 px window)', ZOOM_200]]) {
    test(`no horizontal scrolling at ${label} on every kind of page`, STEP, async () => {
      const narrow = await newContext(browser, { viewport });
      const failures = [];
      try {
        for (const [kind, file] of Object.entries(PAGE_KINDS)) {
          const { page, status } = await openPage(narrow, site.url + file);
          assert.equal(status, 200, file);
          const scroll = await noHorizontalScroll(page);
          if (!scroll.ok) {
            failures.push(`${kind} (${file}): scrollWidth ${scroll.scrollWidth} > innerWidth ${scroll.innerWidth}, ` +
              `widest ${scroll.widest} reaching ${scroll.right}px`);
          }
          await page.close();
        }
      } finally {
        await narrow.close();
      }
      assert.deepEqual(failures, []);
    });
  }

  test('every link inside the portal resolves (pages of each kind and every page linked from the home page)', STEP, async (t) => {
    const origin = new URL(site.url).origin;
    const pages = new Map();
    const problems = [];
    const visit = async (url) => {
      const { page, status, problems: pageProblems } = await openPage(context, url);
      try {
        if (status !== 200) problems.push(`${url}: HTTP ${status}`);
        pages.set(url, await collectLinks(page));
        for (const e of [...pageProblems.consoleErrors, ...pageProblems.pageErrors]) problems.push(`${url}: ${e}`);
      } finally {
        await page.close();
      }
    };
    for (const file of Object.values(PAGE_KINDS)) await visit(site.url + file);
    const fromHome = pages.get(site.url + 'index.html').links
      .map(({ url }) => { const u = new URL(url); u.hash = ''; return u.href; })
      .filter((url) => url.startsWith(site.url) && url.endsWith('.html'));
    for (const url of new Set(fromHome)) if (!pages.has(url)) await visit(url);
    const idsOf = async (url) => {
      const { page } = await openPage(context, url);
      try { return (await collectLinks(page)).ids; } finally { await page.close(); }
    };
    const result = await checkLinks(origin, pages, idsOf);
    const linkCount = [...pages.values()].reduce((n, p) => n + p.links.length, 0);
    t.diagnostic(`visited ${pages.size} pages, ${linkCount} links, ${result.targets} distinct same-origin targets`);
    assert.ok(pages.size >= 20, `visited only ${pages.size} pages`);
    assert.deepEqual([...problems, ...result.problems], []);
  });

  test('keyboard: the first Tab stop is a visible skip link, and activating it moves focus to #main', STEP, async () => {
    const failures = [];
    for (const [kind, file] of Object.entries(PAGE_KINDS)) {
      const { page } = await openPage(context, site.url + file);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        const visible = r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
        return { href: el.getAttribute('href'), text: el.textContent.trim(), visible };
      });
      if (first.href !== '#main') failures.push(`${kind}: first Tab stop is ${JSON.stringify(first)}, not the skip link`);
      else if (!first.visible) failures.push(`${kind}: the skip link is not visible when focused`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#main').catch(() => {});
      const landed = await page.evaluate(() => {
        const main = document.getElementById('main');
        const r = main.getBoundingClientRect();
        return {
          hash: location.hash,
          focusInMain: main.contains(document.activeElement), // main itself included
          top: r.top,
          inView: r.top >= -1 && r.top < window.innerHeight,
        };
      });
      if (landed.hash !== '#main' || !landed.focusInMain || !landed.inView) {
        failures.push(`${kind}: after Enter on the skip link ${JSON.stringify(landed)}`);
      }
      await page.close();
    }
    assert.deepEqual(failures, []);
  });

  /** The rows of an event page's table: [{name, cells: [text]}] (the row header and its cells). */
  const tableRows = (page, selector) =>
    page.$$eval(`${selector} tbody tr`, (trs) =>
      trs.map((tr) => ({ name: tr.querySelector('th').textContent.trim(), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })));

  test('event page: a document an earlier step produces is marked obtained, the parents\' ID is asked once, forms stay apart', STEP, async () => {
    const { page, problems } = await openPage(context, site.url + 'events/newborn.html');
    const bring = await tableRows(page, 'table.event-materials');
    const obtained = await tableRows(page, 'table.event-obtained');
    // 出生医学证明: produced by the first step, used by the three after it, never to bring.
    const certificate = obtained.find((r) => r.name.startsWith('出生医学证明'));
    assert.ok(certificate, `obtained rows: ${JSON.stringify(obtained)}`);
    assert.ok(certificate.name.includes('在本事项办理中生成，无需提交'), certificate.name);
    assert.deepEqual(certificate.cells, ['《出生医学证明》首次签发', '出生登记、城乡居民基本医疗保险参保登记、社会保障卡申领']);
    const marker = page.locator('table.event-obtained .tag-obtained').first();
    assert.ok(await marker.isVisible(), 'the obtained marker is visible');
    assert.ok(bring.every((r) => !r.name.startsWith('出生医学证明')), `to bring: ${bring.map((r) => r.name)}`);
    // The parents' 居民身份证 (one certificate, one holder): one row for the two steps that ask for it.
    const parents = bring.filter((r) => r.name.includes('父母的居民身份证'));
    assert.equal(parents.length, 1, JSON.stringify(parents));
    assert.deepEqual(parents[0].cells, ['居民身份证', '《出生医学证明》首次签发、出生登记']);
    // Each step's own form is a row of its own.
    for (const form of ['《出生医学证明》首次签发登记表', '社会保障卡申领登记表']) {
      assert.equal(bring.filter((r) => r.name === form).length, 1, form);
    }
    assert.equal(
      (await page.locator('table.event-materials caption').textContent()).trim(),
      `需要提交的材料（共 ${bring.length} 项）`,
    );
    assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], []);
    await page.close();
  });

  test('regional event: linked from its region\'s page, with the region\'s guides as its steps', STEP, async () => {
    const { page, problems } = await openPage(context, site.url + 'regions/440000/index.html');
    const link = page.locator('section[aria-labelledby="h-events"] a', { hasText: '广东省新生儿出生“一件事”' });
    await Promise.all([page.waitForURL('**/regions/440000/events/newborn.html'), link.click()]);
    const first = page.locator('section[aria-labelledby="h-members"] li a').first();
    assert.equal(await first.getAttribute('href'), '../../../regions/440000/002023377001.html');
    // 广东 waives the parents' ID card by e-certificate.
    const parents = page.locator('table.event-materials tbody tr', { hasText: '新生儿父母的居民身份证' });
    assert.match(await parents.textContent(), /免提交：电子证照免提交/);
    assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], []);
    await page.close();
  });

  /** The search page's entries as the script sees them: {code, name, visible}. */
  const searchEntries = (page) =>
    page.$$eval('#results > li', (lis) =>
      lis.map((li) => ({ code: li.dataset.code, name: li.dataset.name, visible: !li.hidden && li.offsetParent !== null })));

  test('search: typing 居住 keeps exactly the entries whose names contain it, and says how many', STEP, async () => {
    const { page, problems } = await openPage(context, site.url + 'search.html');
    const all = await searchEntries(page);
    await page.locator('#q').pressSequentially('居住', { delay: 30 });
    const status = page.locator('#search-status');
    await status.filter({ hasText: '找到' }).waitFor();
    const now = await searchEntries(page);
    const expected = all.filter((e) => e.name.includes('居住') || e.code.includes('居住')).map((e) => e.code + e.name);
    const shown = now.filter((e) => e.visible).map((e) => e.code + e.name);
    assert.ok(expected.length > 0 && expected.length < all.length, `居住 should match some but not all of ${all.length} entries`);
    assert.deepEqual(shown, expected);
    assert.ok(await status.isVisible(), 'the count is visible');
    assert.equal((await status.textContent()).trim(), `找到 ${shown.length} 项`);
    assert.equal(await status.getAttribute('role'), 'status', 'the count is announced (role=status)');
    const filtered = await audit(page);
    assert.equal(filtered.failing.length, 0, `axe on the filtered list:\n${describeViolations(filtered.failing)}`);
    assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], []);
    await page.close();
  });

  test('search: typing the code 002000112001 finds the national item and its guides', STEP, async () => {
    const { page, problems } = await openPage(context, site.url + 'search.html');
    await page.locator('#q').pressSequentially('002000112001', { delay: 10 });
    await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
    const shown = (await searchEntries(page)).filter((e) => e.visible);
    assert.ok(shown.length >= 1, 'something is found');
    assert.ok(shown.every((e) => e.code.includes('002000112001')), `only matching codes: ${JSON.stringify(shown)}`);
    const item = page.locator('#results > li[data-code="002000112001"] a[href$="items/002000112001.html"]');
    assert.ok(await item.isVisible(), 'the national item is listed');
    assert.equal((await page.locator('#search-status').textContent()).trim(), `找到 ${shown.length} 项`);
    await Promise.all([page.waitForURL('**/items/002000112001.html'), item.click()]);
    assert.match(await page.locator('h1').textContent(), /\S/);
    assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], []);
    await page.close();
  });

  test('search without JavaScript: the plain list shows every entry and its links work', STEP, async () => {
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    try {
      const index = await (await fetch(site.url + 'search-index.json')).json();
      const { page } = await openPage(noJs, site.url + 'search.html');
      const entries = await searchEntries(page);
      assert.equal(entries.length, index.length, 'one list entry per search-index.json entry');
      assert.ok(entries.every((e) => e.visible), 'every entry is visible');
      assert.equal((await page.locator('#search-status').textContent()).trim(), `共 ${index.length} 项`);
      for (const kind of ['item', 'guide']) {
        const entry = index.find((e) => e.kind === kind);
        const link = page.locator(`#results a[href="${entry.url}"]`).first();
        const [response] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest()), link.click()]);
        assert.equal(response.status(), 200, `${kind} link ${entry.url}`);
        assert.ok(page.url().endsWith(entry.url));
        await page.goBack();
      }
      await page.close();
    } finally {
      await noJs.close();
    }
  });

  test('print: Chromium prints a guide to PDF without navigation; the 打印一次性告知单 button prints the notice alone', STEP, async (t) => {
    const { page, problems } = await openPage(context, site.url + PAGE_KINDS.guide);
    const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    try {
      // Printing the page as it is (Ctrl+P): no navigation, the notice and every element.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-nav').isVisible(), false, 'navigation is not printed');
      assert.equal(await page.locator('.toc').isVisible(), false, 'the table of contents is not printed');
      assert.equal(await page.locator('#s-notice').isVisible(), true, 'the notice is printed');
      assert.equal(await page.locator('#s-materials').isVisible(), true, 'the full guide is printed');
      const whole = await page.pdf({ format: 'A4' });
      assert.equal(whole.subarray(0, 5).toString('latin1'), '%PDF-');
      // The button (on screen): it asks the browser to print, with the notice alone.
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => {
        window.__printed = 0;
        window.print = () => { window.__printed += 1; };
      });
      await page.click('[data-print=notice]');
      assert.equal(await page.evaluate(() => window.__printed), 1, 'the button called window.print once');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#s-notice').isVisible(), true, 'the notice is printed');
      assert.equal(await page.locator('#s-materials').isVisible(), false, 'the reference is not printed with the notice');
      assert.equal(await page.locator('.print-button').isVisible(), false, 'the button itself is not printed');
      const notice = await page.pdf({ format: 'A4' });
      t.diagnostic(`guide PDF: ${pages(whole)} pages (${whole.length} bytes); notice PDF: ${pages(notice)} page(s) (${notice.length} bytes)`);
      assert.equal(pages(notice), 1, 'the 一次性告知单 fits one A4 sheet');
      assert.ok(pages(whole) > pages(notice), 'the whole guide is longer than its notice');
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('screenshots of the guide and conformance pages at desktop and phone widths', STEP, async (t) => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const shots = await newContext(browser, { viewport });
      try {
        for (const [name, file] of [['guide', PAGE_KINDS.guide], ['conformance', PAGE_KINDS.conformance]]) {
          const { page, status } = await openPage(shots, site.url + file);
          assert.equal(status, 200);
          const out = path.join(ARTIFACTS, `${name}-${width}.png`);
          await page.screenshot({ path: out, fullPage: true });
          t.diagnostic(`screenshot ${path.relative(REPO_ROOT, out)}`);
          await page.close();
        }
      } finally {
        await shots.close();
      }
    }
  });
});

// ---- A hostile catalog ----

const HOSTILE_ROOT = path.join(REPO_ROOT, 'tests', 'fixtures', 'hostile');
const HOSTILE_GUIDE = 'regions/440300/000120010000.html';
/** Text the hostile fixture carries; each must show on its guide page as text. */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '</script>',
  '{{ 7*7 }}',
];

/** What a page may run: the JSON-LD data block and the portal's own scripts (search, print), nothing else. */
const injected = (page) =>
  page.evaluate(() => {
    const found = [];
    for (const s of document.scripts) {
      const ok = s.type === 'application/ld+json' || /(^|\/)assets\/(search|print)\.js$/.test(s.getAttribute('src') || '');
      if (!ok) found.push(`script ${s.outerHTML.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
        if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction)$/i.test(a.name)) {
          found.push(`${el.tagName.toLowerCase()}[${a.name}=${a.value}]`);
        }
      }
    }
    // The payloads' own elements (an <svg> chart of the portal's is fine: it has no handler).
    for (const el of document.querySelectorAll('img[src="x"], iframe, object, embed')) found.push(el.tagName.toLowerCase());
    return found;
  });

/** Everything a payload could have done to an open page, as a list of findings (empty: nothing ran). */
async function payloadEffects(page, problems) {
  const found = [];
  const pwned = await page.evaluate(() => typeof window.__pwned);
  if (pwned !== 'undefined') found.push(`window.__pwned is ${pwned}`);
  for (const e of await injected(page)) found.push(`injected ${e}`);
  for (const d of problems.dialogs) found.push(`dialog ${d}`);
  for (const e of [...problems.consoleErrors, ...problems.pageErrors]) found.push(`error ${e}`);
  return found;
}

describe('a hostile catalog: payloads in every text field stay text', () => {
  let site;
  let context;
  let pages;

  before(async () => {
    site = await buildAndServe(HOSTILE_ROOT);
    pages = await htmlFiles(site.portal);
    context = await newContext(browser);
  }, HOOK);
  after(async () => {
    if (context) await context.close();
    if (site) await site.close();
  });

  test('catalogc check accepts the hostile fixture (exit 0)', STEP, async () => {
    await run(CATALOGC, ['check', '--root', HOSTILE_ROOT, '--as-of', AS_OF], { timeout: 60_000 });
  });

  test('no payload runs on any page: window.__pwned undefined, no dialog, no injected element, no error', STEP, async (t) => {
    const kinds = ['index.html', 'items/', 'regions/440300/index.html', HOSTILE_GUIDE, 'events/', 'conformance.html', 'search.html'];
    for (const kind of kinds) assert.ok(pages.some((p) => p.startsWith(kind)), `the hostile portal has a ${kind} page`);
    t.diagnostic(`${pages.length} pages: ${pages.join(' ')}`);
    const failures = [];
    for (const file of pages) {
      const { page, status, problems } = await openPage(context, site.url + file);
      if (status !== 200) failures.push(`${file}: HTTP ${status}`);
      for (const f of await payloadEffects(page, problems)) failures.push(`${file}: ${f}`);
      await page.close();
    }
    assert.deepEqual(failures, []);
  });

  test('search over hostile names filters without running them', STEP, async () => {
    const { page, problems } = await openPage(context, site.url + 'search.html');
    for (const query of ['<script>', 'onerror', '"><svg', '居住']) {
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially(query, { delay: 10 });
      await page.locator('#search-status').filter({ hasText: '找到' }).waitFor();
    }
    assert.deepEqual(await payloadEffects(page, problems), []);
    await page.close();
  });

  test(`the guide page (${HOSTILE_GUIDE}) shows every payload as visible text, and its JSON-LD stays data`, STEP, async () => {
    const { page } = await openPage(context, site.url + HOSTILE_GUIDE);
    for (const payload of PAYLOADS) {
      const text = page.getByText(payload, { exact: false }).first();
      assert.ok(await text.isVisible(), `"${payload}" is visible as text`);
    }
    assert.ok(!(await page.locator('body').innerText()).includes('另需 49'), '{{ 7*7 }} was not evaluated');
    const jsonld = await page.$$eval('script[type="application/ld+json"]', (s) => s.map((e) => e.textContent));
    assert.equal(jsonld.length, 1, 'one JSON-LD block');
    const data = JSON.parse(jsonld[0]);
    assert.ok(data.name.includes('<script>window.__pwned=1</script>'), 'the JSON-LD name keeps the payload as data');
    await page.close();
  });
});

// ---- The checks can fail ----

/** A guide.html override that breaks every check: an image without alt, an unlabelled field, a
 * missing script (404, a console error), a thrown error, a too wide box and a dead link. */
const BROKEN_GUIDE = `{% extends "builtin/guide.html" %}
{% block head %}{{ super() }}<script src="{{ root }}assets/broken.js"></script>{% endblock %}
{% block content %}{{ super() }}
<img src="x.png">
<input type="text">
<div style="width: 2000px">wide</div>
<p><a href="{{ root }}no-such-page.html">dead link</a> <a href="#no-such-id">dead fragment</a></p>
<script>undefinedFunctionOfTheBrokenTemplate();</script>
{% endblock %}
`;

describe('the checks can fail: a deliberately broken guide template', () => {
  const FILE = 'regions/440300/000120010000.html';
  const BASE_ROOT = path.join(REPO_ROOT, 'tests', 'fixtures', 'base');
  let broken;
  let control;
  let templates;
  let context;

  before(async () => {
    templates = await tempDir('templates');
    await writeFile(path.join(templates.dir, 'guide.html'), BROKEN_GUIDE);
    broken = await buildAndServe(BASE_ROOT, { templates: templates.dir });
    control = await buildAndServe(BASE_ROOT);
    context = await newContext(browser, { viewport: PHONE });
  }, HOOK);
  after(async () => {
    if (context) await context.close();
    for (const s of [broken, control]) if (s) await s.close();
    if (templates) await templates.cleanup();
  });

  test('the same page built with the built-in templates passes every check (the control)', STEP, async () => {
    const result = await checkPage(context, control.url + FILE);
    assert.equal(result.status, 200);
    assert.deepEqual([...result.consoleErrors, ...result.pageErrors], []);
    assert.equal(result.axe.failing.length, 0, describeViolations(result.axe.failing));
    assert.ok(result.scroll.ok, JSON.stringify(result.scroll));
  });

  test('audit, console, reflow and link checks all report the broken page', STEP, async (t) => {
    const result = await checkPage(context, broken.url + FILE);
    t.diagnostic(`broken page: axe ${describeViolations(result.axe.failing).replace(/\n/g, '; ')}`);
    t.diagnostic(`broken page: console ${JSON.stringify(result.consoleErrors)}, page errors ${JSON.stringify(result.pageErrors)}`);
    assert.equal(result.status, 200);
    assert.ok(result.axe.failing.length >= 1, 'axe reports at least one serious or critical violation');
    const ids = result.axe.failing.map((v) => v.id);
    assert.ok(ids.includes('image-alt') && ids.includes('label'), `image-alt and label among ${ids}`);
    assert.ok(result.consoleErrors.length >= 1, 'at least one console error (the missing script and image)');
    assert.ok(result.pageErrors.length >= 1, 'at least one page error (the thrown ReferenceError)');
    assert.equal(result.scroll.ok, false, 'the 2000 px box scrolls sideways at 400 px');

    const { page } = await openPage(context, broken.url + FILE);
    const pages = new Map([[broken.url + FILE, await collectLinks(page)]]);
    await page.close();
    const links = await checkLinks(new URL(broken.url).origin, pages, async () => []);
    assert.ok(links.problems.some((p) => p.includes('no-such-page.html') && p.includes('404')), links.problems.join('\n'));
    assert.ok(links.problems.some((p) => p.includes('no-such-id')), links.problems.join('\n'));
  });
});

/** A guide.html override that trusts catalog text (`| safe`): the hostile fixture's payloads run. */
const UNSAFE_GUIDE = `{% extends "builtin/guide.html" %}
{% block content %}{{ super() }}
<p>{{ guide.name | safe }}</p>
{% for point in guide.service_points %}<p>{{ point.traffic | safe }}</p>{% endfor %}
{% endblock %}
`;

describe('the checks can fail: a template that does not escape the hostile catalog', () => {
  let unsafe;
  let templates;
  let context;

  before(async () => {
    templates = await tempDir('unsafe');
    await writeFile(path.join(templates.dir, 'guide.html'), UNSAFE_GUIDE);
    unsafe = await buildAndServe(HOSTILE_ROOT, { templates: templates.dir });
    context = await newContext(browser);
  }, HOOK);
  after(async () => {
    if (context) await context.close();
    if (unsafe) await unsafe.close();
    if (templates) await templates.cleanup();
  });

  test('payloadEffects reports the script that ran, the injected elements and the dialog', STEP, async (t) => {
    const { page, problems } = await openPage(context, unsafe.url + HOSTILE_GUIDE);
    await page.waitForFunction(() => window.__pwned === 1).catch(() => {});
    const found = await payloadEffects(page, problems);
    await page.close();
    t.diagnostic(`unsafe guide: ${found.join('; ')}`);
    assert.ok(found.includes('window.__pwned is number'), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('injected script')), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('injected img[onerror]')), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('dialog alert')), found.join('\n'));
  });
});
