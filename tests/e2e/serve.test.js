// serve.test.js: `catalogc serve` in a real browser (Debian's Chromium via playwright-core). A guide
// of a temporary copy of the sample catalog is open; the test saves the YAML as an editor would and
// waits (30 s at most) for the page to reload by itself and show the new value; a broken file puts
// the errors (file, line) on the page, and fixing it brings the guide back, again without a manual
// reload. The server is killed in every path (after hook, and on exit).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AS_OF, CATALOGC, REPO_ROOT, launchBrowser, newContext, tempDir } from './helpers.js';

const GUIDE = 'portal/regions/440300/002000112001.html';
const ENTRY = 'catalog/regions/440300/002000112001.yaml';
const WAIT = 30_000;
const HOOK = { timeout: 120_000 };
const STEP = { timeout: 90_000 };

/** `catalogc serve --port 0` on `root`: {url, stop}, once it printed its address. */
async function startServe(root) {
  const child = spawn(CATALOGC, ['serve', '--port', '0', '--as-of', AS_OF, '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', stop);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`catalogc serve printed no address:\n${stderr}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`catalogc serve exited with ${code}:\n${stderr}`));
    });
  });
  return { url, stop, stderr: () => stderr };
}

/** Wait for the next load of `page` while `change` runs (the listener is set first). */
async function reloadAfter(page, change) {
  const loaded = page.waitForEvent('load', { timeout: WAIT });
  await change();
  await loaded;
}

/** Wait until the page's visible text contains `text` (it may reload more than once meanwhile). */
async function waitForText(page, text) {
  const deadline = Date.now() + WAIT;
  let seen = '';
  while (Date.now() < deadline) {
    try {
      seen = await page.locator('body').innerText({ timeout: 2_000 });
      if (seen.includes(text)) return seen;
    } catch {
      // The page is between two documents: ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the page never showed ${JSON.stringify(text)}; it showed:\n${seen.slice(0, 2000)}`);
}

describe('catalogc serve: an edit shows in the open page', () => {
  let tmp;
  let root;
  let server;
  let browser;
  let context;
  let page;
  const pageErrors = [];

  before(async () => {
    tmp = await tempDir('serve');
    root = tmp.dir;
    await cp(path.join(REPO_ROOT, 'catalog'), path.join(root, 'catalog'), { recursive: true });
    server = await startServe(root);
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  }, HOOK);

  after(async () => {
    if (server) server.stop();
    if (browser) await browser.close();
    if (tmp) await tmp.cleanup();
  });

  test('the guide reloads by itself and shows the edited department', STEP, async () => {
    await page.goto(server.url + GUIDE);
    const before = await page.locator('body').innerText();
    assert.ok(before.includes('深圳市公安局'), 'the guide names its department');
    assert.ok(!before.includes('深圳市公安局（浏览器预览）'));
    // A mark on this document: a reload (a new document) drops it.
    await page.evaluate(() => (window.__beforeEdit = true));

    const file = path.join(root, ENTRY);
    const text = await readFile(file, 'utf8');
    await reloadAfter(page, () =>
      writeFile(file, text.replace('name: 深圳市公安局\n', 'name: 深圳市公安局（浏览器预览）\n')),
    );
    await waitForText(page, '深圳市公安局（浏览器预览）');
    assert.equal(await page.evaluate(() => window.__beforeEdit), undefined, 'the page was reloaded');
    assert.deepEqual(pageErrors, []);
  });

  test('a broken file puts its errors on the page, and the fix brings the guide back', STEP, async () => {
    const file = path.join(root, ENTRY);
    const good = await readFile(file, 'utf8');
    const line = good.split('\n').length; // the appended line's number (the file ends with \n)
    await reloadAfter(page, () => writeFile(file, good + 'level: city\n'));
    const shown = await waitForText(page, '目录有 1 个错误');
    assert.ok(shown.includes(`文件 ${ENTRY}，第 ${line} 行，第 1 列`), shown);
    assert.ok(shown.includes('CAT002'), shown);
    assert.ok(!shown.includes('打印一次性告知单'), 'no stale guide under the errors');

    await reloadAfter(page, () => writeFile(file, good));
    const back = await waitForText(page, '深圳市公安局（浏览器预览）');
    assert.ok(!back.includes('目录有'), back);
    assert.deepEqual(pageErrors, []);
  });
});
