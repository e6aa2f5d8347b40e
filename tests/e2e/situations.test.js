// situations.test.js: a guide with 办理情形 in a real browser (Debian's Chromium via playwright-core),
// built from tests/fixtures/situations (居住证申领 in 深圳: 情形一 employment, 情形二 housing; 以连续就读申领
// not handled). Run with `node --test` in tests/e2e (or tests/e2e/run.sh from the repository).
//
// 1. Without JavaScript: every situation's section is visible and each link at the top reaches it
//    by its anchor; the picker stays hidden (it would do nothing).
// 2. With JavaScript: the picker is a labelled <select>; choosing a situation hides the other
//    situation's section and its line of the 一次性告知单 and shows its own; 全部情形 shows all again;
//    following a link to a situation's anchor chooses it.
// 3. The page passes the suite's checks: HTTP 200, no console or page error, no serious or critical
//    axe-core violation with the picker in use, no request to any other host.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  REPO_ROOT,
  audit,
  buildAndServe,
  checkPage,
  describeViolations,
  launchBrowser,
  newContext,
  openPage,
} from './helpers.js';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'situations');
const GUIDE = 'regions/440300/000120010000.html';
const SITUATIONS = { employment: '劳动合同', housing: '房屋租赁合同' };

const HOOK = { timeout: 120_000 };
const STEP = { timeout: 90_000 };

let browser;
let site;
before(async () => {
  browser = await launchBrowser();
  site = await buildAndServe(FIXTURE);
}, HOOK);
after(async () => {
  if (site) await site.close();
  if (browser) await browser.close();
});

/** Whether each situation's section, and its line of the notice, is visible. */
async function visibility(page) {
  const seen = {};
  for (const id of Object.keys(SITUATIONS)) {
    seen[id] = {
      section: await page.locator(`#situation-${id}`).isVisible(),
      notice: await page.locator(`.notice [data-situation="${id}"]`).isVisible(),
    };
  }
  return seen;
}

describe('a guide with situations', () => {
  test('without JavaScript every situation is visible and reachable by its anchor', STEP, async () => {
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    try {
      const { page, status } = await openPage(noJs, site.url + GUIDE);
      assert.equal(status, 200);
      assert.deepEqual(await visibility(page), {
        employment: { section: true, notice: true },
        housing: { section: true, notice: true },
      });
      assert.equal(await page.locator('#situation-picker').isVisible(), false, 'no picker without JavaScript');
      for (const [id, material] of Object.entries(SITUATIONS)) {
        const section = page.locator(`#situation-${id}`);
        assert.ok((await section.textContent()).includes(material), `${id} lists ${material}`);
        await page.locator(`nav.situations a[href="#situation-${id}"]`).click();
        assert.ok(page.url().endsWith(`#situation-${id}`), page.url());
        const inView = await section.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= -1 && r.top < window.innerHeight;
        });
        assert.ok(inView, `the link scrolls ${id}'s section into view`);
      }
      await page.close();
    } finally {
      await noJs.close();
    }
  });

  test('with JavaScript the picker shows only the chosen situation', STEP, async () => {
    const context = await newContext(browser);
    const outside = [];
    context.on('request', (r) => {
      if (new URL(r.url()).hostname !== '127.0.0.1') outside.push(r.url());
    });
    try {
      const { page, problems } = await openPage(context, site.url + GUIDE);
      const picker = page.getByLabel('只看我的情形');
      assert.ok(await picker.isVisible(), 'the labelled picker appears');
      assert.equal(await picker.evaluate((el) => el.tagName), 'SELECT');

      await picker.selectOption('employment');
      assert.deepEqual(await visibility(page), {
        employment: { section: true, notice: true },
        housing: { section: false, notice: false },
      });
      assert.ok((await page.locator('#situation-employment').textContent()).includes('劳动合同'));
      assert.equal(await page.getByText('房屋租赁合同').filter({ visible: true }).count(), 0, "housing's material is hidden");
      assert.match(await page.locator('[data-situation-status]').textContent(), /情形一/);

      await picker.selectOption('housing');
      assert.deepEqual(await visibility(page), {
        employment: { section: false, notice: false },
        housing: { section: true, notice: true },
      });
      assert.equal(await page.getByText('劳动合同', { exact: false }).filter({ visible: true }).count(), 0, "employment's material is hidden");

      // A filtered page audited as a citizen would use it.
      const axe = await audit(page);
      assert.equal(axe.failing.length, 0, `axe violations:\n${describeViolations(axe.failing)}`);

      // A link to the other situation's anchor chooses it rather than pointing at a hidden section.
      await page.locator('nav.toc a[href="#situation-employment"]').click();
      assert.equal(await picker.inputValue(), 'employment');
      assert.ok(await page.locator('#situation-employment').isVisible());

      await picker.selectOption('');
      assert.deepEqual(await visibility(page), {
        employment: { section: true, notice: true },
        housing: { section: true, notice: true },
      });
      assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], []);
      await page.close();
    } finally {
      await context.close();
    }
    assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  });

  test('opening a situation by its address shows that situation alone', STEP, async () => {
    const context = await newContext(browser);
    try {
      const { page } = await openPage(context, `${site.url}${GUIDE}#situation-housing`);
      assert.equal(await page.getByLabel('只看我的情形').inputValue(), 'housing');
      assert.deepEqual(await visibility(page), {
        employment: { section: false, notice: false },
        housing: { section: true, notice: true },
      });
      await page.close();
    } finally {
      await context.close();
    }
  });

  test('the page passes the suite checks: 200, no errors, no serious or critical axe violation', STEP, async () => {
    const context = await newContext(browser);
    try {
      const result = await checkPage(context, site.url + GUIDE);
      assert.equal(result.status, 200);
      assert.deepEqual([...result.consoleErrors, ...result.pageErrors, ...result.dialogs], []);
      assert.equal(result.axe.failing.length, 0, `axe violations:\n${describeViolations(result.axe.failing)}`);
      assert.ok(result.scroll.ok, `scrolls sideways: ${JSON.stringify(result.scroll)}`);
    } finally {
      await context.close();
    }
  });
});
