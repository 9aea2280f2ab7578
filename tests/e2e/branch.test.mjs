// 支部学习 as a branch plays it: 30 members on their own phones (separate browser contexts) take the 读后测 of the
// photo news, five of them twice, one takes the secretary's 现场测验 instead; their result codes go into a group chat
// with timestamps, quotes and talk around them, one code damaged on the way. The secretary pastes the chat in two
// parts with the roster and checks every count, who has not studied yet, each question's error rate (worked out
// here from what each member answered), the meeting's group, and prints the 台账 on A4; axe finds nothing in any
// theme. A meeting with a time limit hands in by itself when the time is up.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { answer, answerAll, currentQuestion } from './quizzing.mjs';
import { newContext, openPage, screenshot } from './support.mjs';
import { browser, server } from './site.mjs';

const THEMES = ['light', 'dark', 'sepia'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕', '德明', '春梅', '国庆', '红霞', '文斌'];
const MEMBERS = [...SURNAMES].slice(0, 30).map((s, i) => s + GIVEN[i % GIVEN.length]);
const NEVER = '钱卫东';
const MEETING_MEMBER = 28;
const DAMAGED_MEMBER = 29;
const TWICE = [0, 3, 7, 12, 20];

async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The result code on screen, typing the member's name the first time. */
async function resultCode(page, name) {
  if (await page.locator('#member-name').isVisible()) {
    await page.locator('#member-name').fill(name);
    await page.locator('#member-name-save').click();
    // The focus follows to the code, so a screen reader reads it out.
    await page.waitForFunction(() => document.activeElement?.id === 'result-code');
  }
  await page.locator('#result-code').waitFor();
  return (await page.locator('#result-code').innerText()).trim();
}

/** One member: the photo news' 读后测 (twice for some), each attempt's answers and code. */
async function member(i) {
  const context = await newContext(browser, i % 2 ? 'phone' : 'desktop');
  const { page, watcher } = await openPage(context, server, '000/quiz-p-h3lr.html');
  await page.locator('#quiz-start').click();
  const attempts = [];
  const first = await answerAll(page, (q) => (i + q) % 3 !== 0);
  attempts.push({ asked: first, code: await resultCode(page, MEMBERS[i]) });
  if (TWICE.includes(i)) {
    await page.locator('#quiz-retry').click();
    await page.locator('#question').waitFor();
    const again = await answerAll(page, (q) => (i + q) % 2 === 0);
    attempts.push({ asked: again, code: await resultCode(page, MEMBERS[i]) });
  }
  watcher.assertClean();
  await context.close();
  return attempts;
}

/** Changes one symbol in the middle of a code's payload. */
function damage(code) {
  const at = code.length - 8;
  const swap = code[at] === 'A' ? 'B' : 'A';
  return code.slice(0, at) + swap + code.slice(at + 1);
}

test('a branch studies, the secretary sums it up, and the 台账 prints', async () => {
  // The secretary sets up a 现场测验 of 5 questions.
  const secretary = await newContext(browser, 'desktop');
  const { page: setup, watcher: setupWatcher } = await openPage(secretary, server, 'meeting.html');
  await setup.locator('#meeting-count').selectOption('5');
  await setup.locator('#meeting-draw').click();
  const meetingCode = (await setup.locator('#meeting-code-out').innerText()).trim();
  assert.equal(await setup.evaluate(() => document.activeElement?.id), 'meeting-code-out');
  assert.match(meetingCode, /^[0-9A-Z]{3}-[0-9A-Z]{4}$/);
  await setup.locator('#meeting-questions li').nth(4).waitFor();
  const meetingPrompts = await setup.locator('#meeting-questions li').allInnerTexts();
  assert.equal(meetingPrompts.length, 5);

  // Thirty members, five at a time.
  const results = new Array(30);
  for (let start = 0; start < 30; start += 5) {
    const batch = [];
    for (let i = start; i < start + 5; i++) {
      if (i === MEETING_MEMBER) continue;
      batch.push(member(i).then((attempts) => (results[i] = attempts)));
    }
    await Promise.all(batch);
  }

  // One member takes the 现场测验, typing the code as read out (small letters, no dash).
  {
    const context = await newContext(browser, 'phone');
    const { page, watcher } = await openPage(context, server, '000/quiz-meeting.html');
    await page.locator('#meeting-code').fill(meetingCode.toLowerCase().replace('-', ''));
    await page.locator('#meeting-code-go').click();
    await page.locator('#meeting-intro').waitFor();
    assert.ok((await page.locator('#meeting-intro').innerText()).includes(meetingCode));
    await page.locator('#quiz-start').click();
    const asked = await answerAll(page, (q) => q % 2 === 1);
    assert.deepEqual(asked.map((q) => q.prompt), meetingPrompts, 'the same questions in the same order');
    const code = await resultCode(page, MEMBERS[MEETING_MEMBER]);
    problemsInThemes.push(...(await themedAxe(page, 'result code')));
    results[MEETING_MEMBER] = [{ asked, code, meeting: true }];
    watcher.assertClean();
    await context.close();
  }
  for (const attempts of results) for (const { code } of attempts) assert.ok(code.length <= 40, code);

  // The group chat: timestamps, names, talk, a quoted code, five second attempts, one damaged code.
  const lines = ['支部书记 2026/12/3 08:30', '同志们，本期专版的读后测做完后，请把「学习码」发到群里。现场测验码：' + meetingCode];
  let damagedLine = 0;
  const post = (i, code, when) => {
    lines.push(`${MEMBERS[i]} 2026/12/3 ${when}`);
    const text = i === DAMAGED_MEMBER ? damage(code) : code;
    lines.push([text, `我的${text}`, `${text} 请书记查收`, `学习码已发 ${text}`][i % 4]);
    if (i === DAMAGED_MEMBER) damagedLine = lines.length;
    if (i % 6 === 1) lines.push('[表情]');
    if (i % 7 === 2) lines.push('学习码怎么复制？长按就行');
  };
  results.forEach((attempts, i) => post(i, attempts[0].code, `09:${String(i).padStart(2, '0')}`));
  lines.push('支部书记 2026/12/3 10:00', `「${MEMBERS[5]}：${results[5][0].code}」`, '- - - - - - - - - - - - - - -', '收到，谢谢！');
  for (const i of TWICE) post(i, results[i][1].code, `10:${String(i).padStart(2, '0')}`);
  const middle = Math.floor(lines.length / 2);
  const pastes = [lines.slice(0, middle).join('\n'), lines.slice(middle).join('\n')];
  const damagedIn = damagedLine <= middle ? { paste: 1, line: damagedLine } : { paste: 2, line: damagedLine - middle };

  // What the summary must say, worked out from what each member answered (the latest attempt counts).
  const stats = new Map();
  for (const attempts of results.filter((_, i) => i !== DAMAGED_MEMBER)) {
    for (const { id, right } of attempts[attempts.length - 1].asked) {
      const s = stats.get(id) ?? { asked: 0, wrong: 0 };
      s.asked += 1;
      s.wrong += right ? 0 : 1;
      stats.set(id, s);
    }
  }
  const nPosted = 30 + TWICE.length + 1 - 1;

  const { page, watcher } = await openPage(secretary, server, 'branch.html');
  await page.locator('#roster-input').fill([...MEMBERS, NEVER].map((n, i) => `${i + 1}. ${n}`).join('\n'));
  await page.locator('#roster-save').click();
  assert.equal(await page.locator('#roster-status').innerText(), '名单共 31 人，已保存在本机。');
  for (const text of pastes) {
    await page.locator('#chat-paste').fill(text);
    await page.locator('#chat-read').click();
  }
  assert.equal(
    await page.locator('#paste-status').innerText(),
    `已读取 2 次粘贴：收到 ${nPosted} 个学习码，合并重复 ${TWICE.length + 1} 个，有效 29 个；1 行未能识别。`,
  );
  const refused = await page.locator('#refused li').allInnerTexts();
  assert.equal(refused.length, 1);
  assert.ok(refused[0].startsWith(`第${damagedIn.paste}次粘贴 第${damagedIn.line}行：校验不符`), refused[0]);
  assert.ok(refused[0].includes(MEMBERS[DAMAGED_MEMBER]));
  assert.equal(await page.locator('#accepted tbody tr').count(), 29);
  // The latest attempt wins: a member who took the quiz twice shows the second score.
  for (const i of TWICE) {
    const row = page.locator('#accepted tbody tr', { hasText: MEMBERS[i] });
    const last = results[i][1].asked;
    assert.equal(await row.locator('td').nth(3).innerText(), `${last.filter((q) => q.right).length}/${last.length}`);
  }
  const notYet = await page.locator('.study-page[data-page="000"] .not-yet').innerText();
  assert.equal(notYet, `未学（2 人）：${MEMBERS[DAMAGED_MEMBER]}、${NEVER}`);
  const studied = await page.locator('.study-page[data-page="000"] .studied').innerText();
  assert.ok(studied.startsWith('已学（29 人）：'), studied);
  const meeting = page.locator(`.meeting-group[data-meeting="${meetingCode}"]`);
  assert.ok((await meeting.innerText()).includes(`参加 1 人：${MEMBERS[MEETING_MEMBER]} `));

  // Error rates: every question asked, exactly, most missed first.
  await page.locator('#question-stats li').nth(stats.size - 1).waitFor();
  const shown = await page.locator('#question-stats li').evaluateAll((items) =>
    items.map((li) => ({ id: li.dataset.question, rate: li.querySelector('.error-rate').textContent, text: li.textContent })),
  );
  assert.equal(shown.length, stats.size);
  let previous = Infinity;
  for (const { id, rate, text } of shown) {
    const s = stats.get(id);
    assert.ok(s, `${id} was never asked`);
    const percent = Math.floor((s.wrong * 200 + s.asked) / (2 * s.asked));
    assert.equal(rate, `错误率 ${percent}%（${s.wrong} 人次答错 / ${s.asked} 人次作答）`, id);
    assert.ok(s.wrong / s.asked <= previous, 'most missed first');
    previous = s.wrong / s.asked;
    assert.ok(text.includes('正确答案：') && text.includes('查看原文'));
  }

  // The 台账: 31 rows (29 results, 2 not yet), printed alone on A4.
  assert.equal(await page.locator('.ledger-table tbody tr').count(), 31);
  const ledgerText = await page.locator('#ledger-text').inputValue();
  assert.equal(ledgerText.trim().split('\n').length, 32);
  assert.ok(ledgerText.includes(`\t${NEVER}\t未学`));
  const facts = await page.locator('.ledger-facts').innerText();
  assert.ok(facts.startsWith('名单 31 人；') && facts.endsWith(`现场测验 ${meetingCode}：参加 1 人，未参加 30 人`), facts);
  problemsInThemes.push(...(await themedAxe(page, 'summary')));
  await screenshot(page, 'branch-summary');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.ledger-table').isVisible());
  for (const hidden of ['#chat-paste', '#question-stats', '.app-header', '.app-footer', '#ledger-print']) {
    assert.ok(!(await page.locator(hidden).isVisible()), `${hidden} is printed`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  // A reload keeps what was pasted in this tab.
  const status = await page.locator('#paste-status').innerText();
  await page.reload();
  await page.locator('#paste-status', { hasText: status }).waitFor();
  await page.locator('#question-stats li').nth(stats.size - 1).waitFor();

  // 10,000 pasted lines: 500 codes (28 members' results, over and over), 500 cut short, talk in between; each cut
  // code refused with its line, nothing counted twice, and the page still answers.
  const valid = results.slice(0, 28).map((attempts) => attempts[0].code);
  const big = [];
  for (let k = 0; k < 10_000; k++) {
    if (k % 20 === 0) big.push(`${MEMBERS[k % 30]} 12:${String(k % 60).padStart(2, '0')} ${valid[(k / 20) % valid.length]}`);
    else if (k % 20 === 10) big.push(valid[k % valid.length].slice(0, -3));
    else big.push(`第${k}条：今天学习了本期专版，收获很大。`.repeat(1 + (k % 3)));
  }
  await page.locator('#chat-clear').click();
  // As a paste puts it there at once (Playwright's fill types it through the editor, minutes for 10,000 lines).
  await page.locator('#chat-paste').evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, big.join('\n'));
  await page.locator('#chat-read').click();
  await page.locator('#paste-status', { hasText: '收到 500 个学习码' }).waitFor();
  assert.equal(
    await page.locator('#paste-status').innerText(),
    '已读取 1 次粘贴：收到 500 个学习码，合并重复 472 个，有效 28 个；500 行未能识别。',
  );
  assert.equal(await page.locator('#refused li').count(), 200);
  await page.locator('#refused-more').click();
  const cut = await page.locator('#refused li').allInnerTexts();
  assert.equal(cut.length, 500);
  cut.forEach((text, n) => assert.ok(text.startsWith(`第${n * 20 + 11}行：码不完整`), text));
  await page.locator('#chat-clear').click();
  await page.locator('#refused').waitFor({ state: 'detached' });
  // The roster stays on this device.
  await page.reload();
  await page.locator('#roster-status', { hasText: '名单共 31 人' }).waitFor();
  assert.equal(await page.locator('#roster-input').inputValue(), [...MEMBERS, NEVER].map((n, i) => `${i + 1}. ${n}`).join('\n'));

  problemsInThemes.push(...(await themedAxe(setup, 'meeting set-up')));
  assert.deepEqual(problemsInThemes, []);
  watcher.assertClean();
  setupWatcher.assertClean();
  await secretary.close();
});

const problemsInThemes = [];

/** Axe's findings on `page` in every theme. */
async function themedAxe(page, name) {
  const problems = [];
  for (const theme of THEMES) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    problems.push(...(await axeViolations(page)).map((v) => `${name} (${theme}): ${v}`));
  }
  return problems;
}

test('a 现场测验 with a time limit hands in by itself when the time is up', async () => {
  const context = await newContext(browser, 'phone');
  await context.clock.install({ time: new Date('2026-12-03T09:00:00+08:00') });
  const { page: setup } = await openPage(context, server, 'meeting.html');
  await setup.locator('#meeting-count').selectOption('5');
  await setup.locator('#meeting-limit').selectOption({ label: '3 分钟' });
  await setup.locator('#meeting-draw').click();
  const code = (await setup.locator('#meeting-code-out').innerText()).trim();
  const { page, watcher } = await openPage(context, server, `000/quiz-meeting.html?m=${code}`);
  await page.locator('#meeting-intro').waitFor();
  assert.ok((await page.locator('#meeting-intro').innerText()).includes('限时 3 分钟'));
  await page.locator('#quiz-start').click();
  await page.locator('#meeting-clock').waitFor();
  const q = await currentQuestion(page);
  await answer(page, q, true);
  await page.locator('#quiz-next').click();
  await page.clock.runFor('03:01');
  await page.locator('#time-up').waitFor();
  assert.equal(await page.locator('#quiz-score').innerText(), '得分 1 / 5（20%）');
  watcher.assertClean();
  await context.close();
});
