// Next week's page with no hand-written question: imported with `import --draft` (scripts/build-drafted.sh), its
// bank drafted by rules and marked so, it gets a working 读后测, 每周一学测验 and 综合测验 labelled 「自动出题」, while
// page 000's reviewed bank shows no label.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './serve.mjs';
import { answerAll, readBank } from './quizzing.mjs';
import { REPO, launchBrowser, newContext, openPage } from './support.mjs';

const SITE = path.join(REPO, 'target', 'e2e-drafted');
const DRAFTED_FILE = `${SITE}-content/001/quiz.md`;

let browser;
let server;
let bank;

before(async () => {
  execFileSync(path.join(REPO, 'scripts', 'build-drafted.sh'), [SITE], { stdio: 'pipe' });
  bank = readBank(DRAFTED_FILE);
  browser = await launchBrowser();
  server = await startServer({ root: SITE, port: 0 });
  server.server.unref();
});

after(async () => {
  await server?.close();
  await browser?.close();
});

const openQuiz = (context, rel) => openPage(context, server, rel);

/** Starts the quiz on screen and answers every question right; returns the ids asked. */
async function answerAllRight(page) {
  await page.locator('#quiz-start').click();
  const asked = (await answerAll(page, () => true, bank)).map((q) => q.id);
  assert.equal(await page.locator('#quiz-score').innerText(), `得分 ${asked.length} / ${asked.length}（100%）`);
  return asked;
}

test('the imported page has a drafted bank and no hand-written question', () => {
  const text = readFileSync(DRAFTED_FILE, 'utf8');
  assert.match(text, /^drafted: draft-quiz$/m);
  assert.ok(bank.size >= 50, `${bank.size} drafted questions`);
  for (const q of bank.values()) {
    assert.match(q.id, /-d\d+$/, `${q.id} is drafted`);
    assert.equal(q.reviewed, 'no', `${q.id} awaits review`);
  }
});

for (const [name, file, expected] of [
  ['读后测', 'quiz-a-byfe.html', (q) => q.item === 'a-byfe'],
  ['每周一学测验', 'quiz-weekly.html', (q) => q.source.length > 0 && q.item.startsWith('q-')],
  ['综合测验', 'quiz-mixed.html', null],
]) {
  test(`the drafted ${name} works and says 自动出题`, async () => {
    const context = await newContext(browser, 'phone');
    const { page, watcher } = await openQuiz(context, `001/${file}`);
    assert.match(await page.locator('#drafted-label').innerText(), /自动出题/);
    const asked = await answerAllRight(page);
    if (expected) {
      assert.ok(asked.every((id) => expected(bank.get(id))), `${name} asks only its own questions`);
      assert.ok(asked.length >= 4, `${name}: ${asked.length} questions`);
    } else {
      assert.equal(asked.length, 10);
    }
    watcher.assertClean();
    await context.close();
  });
}

test('a reviewed bank shows no 自动出题 label', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await openQuiz(context, '000/quiz-mixed.html');
  await page.locator('#quiz-start').waitFor();
  assert.equal(await page.locator('#drafted-label').count(), 0);
  watcher.assertClean();
  await context.close();
});
