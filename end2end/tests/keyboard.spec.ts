// Issue 18: the keyboard path. Focus used to fall to <body> after 新建乡镇, 设定研究的集群 and 填写凯恩斯乘数参数
// (21–30 Tabs to get back), there was no next-step control, and an added row left focus below it.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const label = el.getAttribute('aria-label') ?? el.closest('label')?.querySelector('.field-label')?.textContent ?? '';
    return `${el.tagName.toLowerCase()}:${(label || el.textContent || '').trim()}`;
  });

test('a town typed in with the keyboard: focus follows the work and a next-step button leads on', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建乡镇' }).focus();
  await page.keyboard.press('Enter');
  // The new step's heading has the focus, and the first Tab reaches its first field.
  await expect.poll(() => focused(page)).toBe('h2:乡镇基本情况');
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatch(/^input:/);

  // Next step, by keyboard: the industries.
  await page.getByTestId('next-step').focus();
  await expect(page.getByTestId('next-step')).toHaveText('下一步：行业就业 →');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('h2:行业就业');
  // An added row takes the focus in its first field: the code can be typed at once.
  await page.getByRole('button', { name: '添加行业' }).focus();
  await page.keyboard.press('Enter');
  // (The focus moves on the next frame; a person's next key comes later than that, a script's may not.)
  await expect(page.getByLabel('行业代码 1', { exact: true })).toBeFocused();
  await page.keyboard.type('17');
  await expect(page.getByLabel('行业代码 1', { exact: true })).toHaveValue('17');
  await page.getByRole('button', { name: '添加行业' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('行业代码 2', { exact: true })).toBeFocused();
  await page.keyboard.type('52');
  await expect(page.getByLabel('行业代码 2', { exact: true })).toHaveValue('52');

  // The cluster: 设定研究的集群 disappears and its form's first field takes the focus.
  await page.getByTestId('next-step').click();
  await expect.poll(() => focused(page)).toBe('h2:集群与产业链');
  await page.getByRole('button', { name: '设定研究的集群' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('input:集群名称');
  await expect(page.getByLabel('集群名称')).toBeFocused();
  await page.keyboard.type('袜业集群');
  await expect(page.getByLabel('集群名称')).toHaveValue('袜业集群');

  // The Keynes parameters: the first parameter takes the focus.
  await page.getByRole('navigation').getByRole('button', { name: '参数' }).click();
  await page.getByRole('button', { name: '填写凯恩斯乘数参数' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatch(/^input:边际消费倾向 c/);

  // The last step has no next step.
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('next-step')).toHaveCount(0);
});
