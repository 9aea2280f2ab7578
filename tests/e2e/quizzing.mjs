// The question bank as the end-to-end tests read it (independently of the Rust parser), and answering the question on
// screen right or wrong through the controls a reader uses.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './support.mjs';

/** The question bank (page 000's unless another file is named), read independently of the Rust parser. */
export function readBank(file = path.join(REPO, 'assets', 'content', '000', 'quiz.md')) {
  const text = readFileSync(file, 'utf8');
  const questions = new Map();
  let q = null;
  for (const line of text.split('\n')) {
    const heading = line.match(/^## (\S+) (\w+) (\S+)$/);
    if (heading) {
      q = { id: heading[1], kind: heading[2], item: heading[3], options: [], order: [], accept: [] };
      questions.set(q.id, q);
      continue;
    }
    const field = line.match(/^(\w+): (.*)$/);
    if (!q || !field) continue;
    const [, key, value] = field;
    if (key === 'right' || key === 'wrong') q.options.push({ text: value, right: key === 'right' });
    else if (key === 'order') q.order.push(value);
    else if (key === 'answer') q.answer = value;
    else q[key] = value;
  }
  return questions;
}

export const BANK = readBank();

export async function currentQuestion(page, bank = BANK) {
  const id = await page.locator('#question').getAttribute('data-question');
  return bank.get(id);
}

/** Answers the current question right or wrong through the controls a reader uses. */
export async function answer(page, q, right) {
  const option = (i) => page.locator(`li[data-option="${i}"] label`);
  if (q.kind === 'single') {
    const i = q.options.findIndex((o) => o.right === right);
    await option(i).click();
  } else if (q.kind === 'multiple') {
    const picks = right ? q.options.map((o, i) => (o.right ? i : -1)).filter((i) => i >= 0) : [q.options.findIndex((o) => !o.right)];
    for (const i of picks) await option(i).click();
  } else if (q.kind === 'truefalse') {
    const truth = q.answer === '对';
    await page.locator('.options label', { hasText: right === truth ? '对' : '错' }).click();
  } else if (q.kind === 'blank') {
    await page.locator('#blank-input').fill(right ? q.answer : '不知道');
  } else if (q.kind === 'order' && right) {
    for (let target = 0; target < q.order.length; target++) {
      const shown = await page.locator('li.fragment').evaluateAll((els) => els.map((e) => Number(e.dataset.fragment)));
      for (let at = shown.indexOf(target); at > target; at--) {
        await page.locator(`li.fragment[data-fragment="${target}"] button`).first().click();
      }
    }
  }
  // Regression: a blank's text box once pushed the page wider than a phone.
  const width = page.viewportSize().width;
  assert.ok(await page.evaluate((w) => document.documentElement.scrollWidth <= w + 1, width), `${q.id} scrolls sideways`);
  await page.locator('#quiz-check').click();
  await page.locator('#feedback').waitFor();
  const verdict = await page.locator('.verdict').innerText();
  assert.equal(verdict.includes('正确'), right, `${q.id}: expected ${right ? 'right' : 'wrong'}, got ${verdict}`);
}

/**
 * Answers every question of a started quiz, question i right when `pattern(i)`, and waits for the score; returns
 * [{ id, prompt, right }] in the order asked. A question missing from `bank` fails the test.
 */
export async function answerAll(page, pattern, bank = BANK) {
  const asked = [];
  for (let i = 0; ; i++) {
    const q = await currentQuestion(page, bank);
    assert.ok(q, 'every question asked is in the bank');
    const right = pattern(i);
    asked.push({ id: q.id, prompt: q.prompt, right });
    await answer(page, q, right);
    const next = page.locator('#quiz-next');
    const last = (await next.innerText()).includes('成绩');
    await next.click();
    if (last) break;
    await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
  }
  await page.locator('#quiz-score').waitFor();
  return asked;
}
