// Accessibility: an axe-core scan (WCAG 2 A and AA) of every screen a user reaches — the start screen, each
// workflow step and each result tab of the Datang case, in Chinese and in English, with explanations on — and a
// keyboard-only journey from the start screen to a location quotient, with a visible focus ring on the way.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) => JSON.parse(execFileSync(bin, args, { input }).toString());

type Finding = { screen: string; id: string; impact: string; help: string; targets: string[] };

/** Scans the page as it is now; returns every violation, tagged with the screen it was found on. */
async function scan(page: Page, screen: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => ({
    screen,
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

const describe = (fs: Finding[]) =>
  fs.map((f) => `[${f.screen}] ${f.id} (${f.impact}): ${f.help}\n    ${f.targets.slice(0, 8).join('\n    ')}`
    + (f.targets.length > 8 ? `\n    … and ${f.targets.length - 8} more` : '')).join('\n');

/** Fails on serious or critical violations; the minor and moderate ones are attached to the report. */
function verdict(findings: Finding[], testInfo: TestInfo) {
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const other = findings.filter((f) => !blocking.includes(f));
  if (other.length) testInfo.annotations.push({ type: 'axe (minor/moderate)', description: describe(other) });
  expect(blocking, `serious or critical axe violations:\n${describe(blocking)}`).toEqual([]);
}

const STEPS = {
  zh: ['开始', '乡镇基本情况', '行业就业', '集群', '企业', '支撑与环境', '评分', '参数', '情景'],
  en: ['Start', 'Town', 'Employment by industry', 'Cluster', 'Firms', 'Support', 'Judgments', 'Parameters', 'Scenarios'],
};
const TABS = {
  zh: ['成熟度', '产业链', '乘数与情景', '认定条件', '县域'],
  en: ['Maturity', 'Value chain', 'Multipliers and scenarios', 'Checklists', 'County'],
};

for (const lang of ['zh', 'en'] as const) {
  test(`axe finds no serious violation on any screen of the Datang case (${lang}, explanations on)`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const findings: Finding[] = [];
    await page.goto('/');
    await expect(page.locator('button[data-example="datang"]')).toBeVisible();
    if (lang === 'en') {
      await page.getByRole('button', { name: '切换到英文界面' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    findings.push(...await scan(page, `start screen`));
    await fullShot(page, `screenshots/a11y-start-${lang}.png`);

    await page.locator('button[data-example="datang"]').click();
    const toolbar = page.getByRole('toolbar');
    await toolbar.getByLabel(lang === 'zh' ? '讲解模式' : 'Explain', { exact: true }).check();
    const nav = page.locator('nav.steps');
    await expect(nav.getByRole('button')).toHaveCount(STEPS[lang].length);
    for (const step of STEPS[lang]) {
      const button = nav.getByRole('button', { name: step, exact: true });
      await button.click();
      await expect(button).toHaveAttribute('aria-current', 'step');
      findings.push(...await scan(page, `step ${step}`));
    }
    await nav.getByRole('button', { name: STEPS[lang][2], exact: true }).click();
    const tabs = page.locator('.tab-bar [role=tab]');
    await expect(tabs).toHaveCount(TABS[lang].length);
    for (const name of TABS[lang]) {
      const tab = page.locator('.tab-bar').getByRole('tab', { name, exact: true });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      findings.push(...await scan(page, `tab ${name}`));
      await fullShot(page, `screenshots/a11y-tab-${TABS.en[TABS[lang].indexOf(name)].split(' ')[0].toLowerCase()}-${lang}.png`);
    }
    verdict(findings, testInfo);
  });
}

/** What has the focus: its tag, role, accessible-ish name and whether a focus indicator is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', name: '', role: '', ring: false, selected: null };
    const input = el as HTMLInputElement;
    const name = (el.getAttribute('aria-label')
      ?? (input.labels && input.labels[0] ? input.labels[0].textContent : null)
      ?? el.textContent ?? '').trim();
    // A file input is drawn as its label (.file-button), which carries the ring through :focus-within.
    const drawn = input.type === 'file' ? (el.closest('label') ?? el) : el;
    const s = getComputedStyle(drawn);
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return { tag: el.tagName, name, role: el.getAttribute('role') ?? '', ring, selected: el.getAttribute('aria-selected') };
  });

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, back = false, max = 60) {
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (matches(f.name)) return f;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${name} (last: ${JSON.stringify(await focused(page))})`);
}

test('keyboard only: a new town, two industries and their LQs, then English', async ({ page }) => {
  const town = [
    { code: '17', town: 6000, ref: 120000 },
    { code: '52', town: 2500, ref: 800000 },
  ];
  const lq = cli(['method', 'location-quotient', '-'], JSON.stringify({
    local: Object.fromEntries(town.map((r) => [r.code, r.town])),
    reference: Object.fromEntries(town.map((r) => [r.code, r.ref])),
  })).lq as Record<string, number>;
  const rings: string[] = [];
  const ringAt = async (what: string) => {
    const f = await focused(page);
    if (!f.ring) rings.push(`${what}: ${JSON.stringify(f)}`);
  };

  await page.goto('/');
  await expect(page.locator('button[data-choice="new"]')).toBeVisible();
  await tabTo(page, '新建乡镇');
  await ringAt('start screen, 新建乡镇');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: '填报步骤' })).toBeVisible();

  await tabTo(page, '乡镇名称');
  await ringAt('town name field');
  await page.keyboard.type('键盘镇');
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('键盘镇');

  // The steps are above the form: back to "行业就业".
  await tabTo(page, '行业就业', true);
  await ringAt('step button 行业就业');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: '填报步骤' }).getByRole('button', { name: '行业就业' }))
    .toHaveAttribute('aria-current', 'step');

  for (let i = 0; i < town.length; i++) {
    const n = i + 1;
    await tabTo(page, '添加行业');
    await ringAt('添加行业');
    await page.keyboard.press(i === 0 ? 'Space' : 'Enter');
    await expect(page.getByLabel(`行业代码 ${n}`, { exact: true })).toBeVisible();
    await tabTo(page, `行业代码 ${n}`, true);
    await ringAt(`行业代码 ${n}`);
    await page.keyboard.type(town[i].code);
    await tabTo(page, `本镇就业（人） ${n}`);
    await page.keyboard.type(String(town[i].town));
    await tabTo(page, `参照区域就业（人） ${n}`);
    await ringAt(`参照区域就业（人） ${n}`);
    await page.keyboard.type(String(town[i].ref));
  }
  for (const r of town) {
    await expect(page.locator(`tr[data-code="${r.code}"] .lq-value`)).toHaveText(lq[r.code].toFixed(2));
  }

  // The result tabs follow the ARIA pattern: one tab stop, arrows move between tabs.
  const tab = await tabTo(page, '成熟度');
  expect(tab.role).toBe('tab');
  expect(tab.selected).toBe('true');
  await ringAt('tab 成熟度');
  await page.keyboard.press('ArrowRight');
  const next = await focused(page);
  expect(next.name).toBe('产业链');
  expect(next.selected).toBe('true');
  await expect(page.locator('#tabpanel-chain')).toBeVisible();

  // Back up to the toolbar and switch the language; the focus stays on the switch.
  await tabTo(page, '切换到英文界面', true, 120);
  await ringAt('language switch');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town Cluster Calculator');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const after = await focused(page);
  expect(after.name, 'focus stays on the language switch').toBe('Switch to the Chinese interface');
  await ringAt('language switch after switching');
  await expect(page.locator('tr[data-code="17"]')).toContainText('Clear advantage');
  await fullShot(page, 'screenshots/a11y-keyboard-en.png');
  expect(rings, 'focused elements without a visible focus indicator').toEqual([]);
});
