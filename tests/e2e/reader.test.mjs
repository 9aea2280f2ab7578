// The reader as a reader uses it, on a phone (360×740, touch) and on desktop: every item from home, settings that
// survive a reload, Chinese search, deep links, keyboard, read-aloud, favourites, reading progress, print, and axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { newContext, screenshot, waitForApp, WECHAT_UA, openPage } from './support.mjs';
import { browser, server } from './site.mjs';

const THEMES = ['light', 'dark', 'sepia'];

/** Opens `path` (relative to the site root) in a fresh page of `context` and waits for the app. */
const open = (context, path = '') => openPage(context, server, path);

/** Taps on a phone, clicks on a desktop. */
async function press(locator, kind) {
  if (kind === 'phone') await locator.tap();
  else await locator.click();
}

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function hasNoHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

for (const kind of ['phone', 'desktop']) {
  describe(`${kind}`, () => {
    test('every item is reachable from home and shows its full text', async () => {
      const context = await newContext(browser, kind);
      const { page, watcher } = await open(context);
      const cards = page.locator('.item-card h3 a');
      const n = await cards.count();
      assert.equal(n, 9);
      for (let i = 0; i < n; i++) {
        const card = page.locator('.item-card h3 a').nth(i);
        const title = await card.innerText();
        await press(card, kind);
        await page.locator('#item-title').waitFor();
        assert.equal(await page.locator('#item-title').innerText(), title);
        const paragraphs = await page.locator('.item-body > p[id], .item-body .quotation blockquote').count();
        assert.ok(paragraphs > 0, `${title}: no text`);
        assert.ok(await hasNoHorizontalScroll(page), `${title}: scrolls sideways`);
        await press(page.getByRole('link', { name: '返回本期' }), kind);
        await page.locator('.item-card').first().waitFor();
      }
      watcher.assertClean();
      await context.close();
    });

    test('a two-character query finds the right item and paragraph, highlighted', async () => {
      const context = await newContext(browser, kind);
      const { page, watcher } = await open(context);
      await press(page.locator('#search-button'), kind);
      await page.locator('#search-input').fill('托管');
      const first = page.locator('.search-result a').first();
      await first.waitFor();
      assert.match(await first.innerText(), /土地进了“托管班”/);
      assert.equal(await page.locator('.search-result mark').first().innerText(), '托管');
      const paragraphHit = page.locator('.search-result a', { hasText: '第' }).first();
      await press(paragraphHit, kind);
      await page.locator('p.marked').waitFor();
      assert.equal(await page.locator('#item-title').innerText(), '土地进了“托管班” 农民有了“田保姆”');
      assert.equal(await page.locator('p.marked mark').first().innerText(), '托管');
      assert.match(page.url(), /\?p=p\d+&q=/);
      watcher.assertClean();
      await context.close();
    });

    test('each setting survives a reload', async () => {
      const context = await newContext(browser, kind);
      const { page, watcher } = await open(context, '000/a-byfe.html');
      await press(page.locator('#settings-button'), kind);
      await press(page.getByRole('button', { name: '175%' }), kind);
      await press(page.getByRole('button', { name: '护眼' }), kind);
      await press(page.getByRole('button', { name: '☆ 收藏' }), kind);
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.getAttribute('html', 'data-theme'), 'sepia');
      const scale = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--font-scale'));
      assert.equal(scale.trim(), '1.75');
      await page.getByRole('button', { name: '★ 已收藏' }).waitFor();
      await press(page.locator('#settings-button'), kind);
      assert.equal(await page.getByRole('button', { name: '175%' }).getAttribute('aria-pressed'), 'true');
      await press(page.getByRole('link', { name: '收藏', exact: true }), kind);
      await page.getByRole('link', { name: '包袱卸下去 干劲鼓起来' }).waitFor();
      watcher.assertClean();
      await context.close();
    });
  });
}

test('a deep link opened fresh with WeChat query junk lands on the right item and paragraph', async () => {
  const context = await newContext(browser, 'phone', { userAgent: WECHAT_UA });
  // WeChat's bridge, as its Android webview provides it: the page must ask it to keep the standard font size.
  await context.addInitScript(() => {
    window.bridgeCalls = [];
    window.WeixinJSBridge = {
      invoke: (name, args) => window.bridgeCalls.push([name, args]),
      on: (name) => window.bridgeCalls.push(['on', name]),
    };
  });
  const { page, watcher } = await open(context, '000/a-e0uy.html?p=p2&from=singlemessage&isappinstalled=0');
  assert.deepEqual(await page.evaluate(() => window.bridgeCalls), [
    ['setFontSizeCallback', { fontSize: 0 }],
    ['on', 'menu:setfont'],
  ]);
  await page.getByText('再在浏览器里添加到主屏幕').waitFor();
  assert.equal(await page.locator('#item-title').innerText(), '土地进了“托管班” 农民有了“田保姆”');
  assert.match(await page.locator('p.marked').innerText(), /^自2020年成立合作社以来/);
  await page.locator('.wechat-hint').waitFor();
  watcher.assertClean();
  await context.close();
});

test('the layout stays intact at 320 px at every text size', async () => {
  const context = await newContext(browser, 'phone', { viewport: { width: 320, height: 640 } });
  const { page } = await open(context, '000/a-ljd1.html');
  await page.locator('#settings-button').tap();
  for (const percent of ['100%', '115%', '130%', '150%', '175%', '200%']) {
    await page.getByRole('button', { name: percent }).tap();
    assert.ok(await hasNoHorizontalScroll(page), `scrolls sideways at ${percent}`);
  }
  await context.close();
});

test('keyboard: arrows go to the previous and next item, / opens search, Esc closes it', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await open(context, '000/a-byfe.html');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/a-7n4l\.html$/);
  assert.equal(await page.locator('#item-title').innerText(), '用心擦亮司法为民的“第一窗口”');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/a-byfe\.html$/);
  await page.keyboard.press('/');
  await page.locator('#search-input').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  await page.keyboard.press('Escape');
  await page.locator('#search-input').waitFor({ state: 'detached' });
  await page.goBack();
  await page.waitForURL(/a-7n4l\.html$/);
  assert.equal(await page.locator('#item-title').innerText(), '用心擦亮司法为民的“第一窗口”');
  watcher.assertClean();
  await context.close();
});

test('reading: the end marks an item read, and the position is restored on return', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await open(context, '000/a-ljd1.html');
  const half = await page.evaluate(() => document.documentElement.scrollHeight / 2);
  await page.evaluate((y) => window.scrollTo(0, y), half);
  await page.waitForFunction(() => Number(document.querySelector('.reading-bar').value) > 20);
  // The header's home link: the one at the foot of the item would scroll to the end first.
  await page.locator('.app-title').tap();
  await page.locator('.item-card[data-item="a-ljd1"] .status').waitFor();
  assert.match(await page.locator('.item-card[data-item="a-ljd1"] .status').innerText(), /已读 \d+%/);
  await page.locator('.item-card[data-item="a-ljd1"] h3 a').tap();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 300, half);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => Number(document.querySelector('.reading-bar').value) >= 98);
  await page.reload();
  await waitForApp(page);
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await page.locator('.item-card[data-item="a-ljd1"] .status').innerText(), '已读完');
  watcher.assertClean();
  await context.close();
});

test('read aloud is offered where speech exists and hidden where it does not', async () => {
  const context = await newContext(browser, 'desktop');
  const { page } = await open(context, '000/a-byfe.html');
  await page.getByRole('button', { name: '朗读' }).waitFor();
  const silent = await newContext(browser, 'phone', { userAgent: WECHAT_UA });
  await silent.addInitScript(() => {
    delete window.speechSynthesis;
    delete Window.prototype.speechSynthesis;
  });
  const { page: silentPage } = await open(silent, '000/a-byfe.html');
  await silentPage.getByRole('button', { name: '复制链接' }).waitFor();
  assert.equal(await silentPage.getByRole('button', { name: '朗读' }).count(), 0);
  await context.close();
  await silent.close();
});

test('copy link gives the item link, or shows it to copy by hand', async () => {
  const context = await newContext(browser, 'desktop');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { page } = await open(context, '000/p-jt9r.html');
  await page.getByRole('button', { name: '复制链接' }).click();
  await page.getByText('链接已复制').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${server.url}000/p-jt9r.html`);
  await context.close();
});

test('print shows the item without the app controls', async () => {
  const context = await newContext(browser, 'desktop');
  const { page } = await open(context, '000/a-byfe.html');
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.app-header', '.app-footer', '.share-bar', '.item-nav']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} prints`);
  }
  assert.ok(await page.locator('.item-body').isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000);
  await context.close();
});

describe('accessibility and themes', () => {
  const VIEWS = [
    ['home', ''],
    ['article', '000/a-i5x2.html?p=p4&q=%E5%BC%A0%E9%98%BF%E5%A7%A8'],
    ['photo', '000/p-h3lr.html'],
    ['quotations', '000/q-6sst.html'],
    ['quotation', '000/q-6sst-q2.html'],
    ['favourites', 'favourites.html'],
    ['quiz', '000/quiz-a-byfe.html'],
    ['record', 'record.html'],
  ];
  for (const theme of THEMES) {
    test(`axe finds no WCAG 2.1 AA violation in any view, theme ${theme}`, async () => {
      const context = await newContext(browser, 'phone');
      await context.addInitScript((t) => {
        localStorage.setItem('xuexi.progress', JSON.stringify({ schema: 1, progress: { settings: { theme: t, font_step: 0 } } }));
      }, theme);
      const problems = [];
      for (const [name, path] of VIEWS) {
        const { page } = await open(context, path);
        assert.equal(await page.getAttribute('html', 'data-theme'), theme);
        problems.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
        if (name === 'home' || name === 'article') await screenshot(page, `reader-${name}-${theme}`);
        if (name === 'quiz') {
          // A question, its feedback, and the result.
          await page.locator('#quiz-start').tap();
          await page.locator('#question').waitFor();
          problems.push(...(await axeViolations(page)).map((v) => `question: ${v}`));
          await page.locator('#question label').first().tap().catch(() => page.locator('#blank-input').fill('答案'));
          await page.locator('#quiz-check').tap();
          await page.locator('#feedback').waitFor();
          problems.push(...(await axeViolations(page)).map((v) => `feedback: ${v}`));
          await screenshot(page, `quiz-feedback-${theme}`);
        }
        if (name === 'home') {
          await page.locator('#search-button').tap();
          await page.locator('#search-input').fill('社区');
          await page.locator('.search-result').first().waitFor();
          problems.push(...(await axeViolations(page)).map((v) => `search: ${v}`));
          await page.locator('#settings-button').tap();
          problems.push(...(await axeViolations(page)).map((v) => `settings: ${v}`));
        }
        await page.close();
      }
      // A link to nothing (in the app: a static host answers a missing file itself).
      const { page } = await open(context, '');
      await page.evaluate(() => {
        history.pushState(null, '', '000/a-none.html');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.getByRole('heading', { name: '没有找到这一页' }).waitFor();
      problems.push(...(await axeViolations(page)).map((v) => `not-found: ${v}`));
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the system dark theme applies until the reader chooses, and axe is clean in it', async () => {
    const context = await newContext(browser, 'desktop', { colorScheme: 'dark' });
    const { page } = await open(context, '000/a-byfe.html');
    assert.equal(await page.getAttribute('html', 'data-theme'), null);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(18, 18, 18)');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'reader-article-system-dark');
    await context.close();
  });
});

test('every link and button in an item and a quiz is a touch target of at least 44 px', async () => {
  const context = await newContext(browser, 'phone');
  for (const path of ['000/a-byfe.html', '000/quiz-a-byfe.html', '']) {
    const { page } = await open(context, path);
    if (path.includes('quiz')) await page.locator('#quiz-start').tap();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main a, main button, header a, header button')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => [e.textContent.trim().slice(0, 12), e.getBoundingClientRect()])
        .filter(([, r]) => r.height < 43.5 || r.width < 43.5)
        .map(([text, r]) => `${text} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    assert.deepEqual(small, [], path);
    await page.close();
  }
  await context.close();
});
