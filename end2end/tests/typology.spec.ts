import { execFileSync } from 'node:child_process';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[]) => JSON.parse(execFileSync(bin, args).toString());

// Seed ch.6 一: 农牧示范型、工业主导型、商业贸易型、旅游生态型. The type decides which measures apply; the summary
// and the report say the type, where it came from and what it set aside, and the user can declare it.
test('a tourism town gets the measures for its type, and declaring it industry-led brings the park back', async ({ page }) => {
  const report = cli(['analyze', 'tourism-town', '--format', 'json']);
  const list = report.measures.clusters[0];
  expect(report.clusters[0].typology.kind).toBe('tourism');
  expect(list.set_aside).toContain('found.industrial_park');

  await page.goto('/');
  await page.locator('button[data-example="tourism-town"]').click();
  await expect(page.getByTestId('cluster-type')).toHaveText('旅游生态型');
  await expect(page.getByTestId('measure')).toHaveCount(list.measures.length);
  await expect(page.locator('[data-measure="found.industrial_park"]')).toHaveCount(0);
  await expect(page.getByTestId('set-aside')).toContainText('按旅游生态型集群');
  await expect(page.getByTestId('set-aside')).toContainText('建设专业化产业园区');

  // Declared industry-led: the park and the MIIT digital measure apply; nothing is set aside.
  await page.getByRole('navigation').getByRole('button', { name: '集群' }).click();
  await page.getByLabel('集群类型').selectOption('industrial');
  await expect(page.getByTestId('cluster-type')).toHaveText('工业主导型');
  await expect(page.locator('[data-measure="found.industrial_park"]')).toHaveCount(1);
  await expect(page.locator('[data-measure="miit.digital_upgrading"]')).toHaveCount(1);
  await expect(page.getByTestId('set-aside')).toHaveCount(0);
  // Back to "from the template": tourism again.
  await page.getByLabel('集群类型').selectOption('');
  await expect(page.getByTestId('cluster-type')).toHaveText('旅游生态型');

  await fullShot(page, 'screenshots/tourism-zh.png');
  await page.getByRole('button', { name: '切换到英文界面' }).click();
  await expect(page.getByTestId('cluster-type')).toHaveText('tourism and ecology');
  await expect(page.getByTestId('set-aside')).toContainText('tourism and ecology type');
});

// Seed ch.4 二: Xiqiao's peak in the late 1980s (no year, no count given), output down more than 60 % by 1994,
// the revival 1998–2001. The periods read so, in words, with the study's own words for the peak.
test('Xiqiao declines and revives in the life-cycle periods, in words', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  const periods = page.locator('table.results').filter({ has: page.locator('caption', { hasText: '分期判定' }) });
  await expect(periods.locator('tbody tr')).toHaveCount(2);
  await expect(periods.locator('tbody tr').first()).toContainText('20 世纪 80 年代后期（约 1988）–1994');
  await expect(periods.locator('tbody tr').first()).toContainText('衰退期');
  await expect(periods.locator('tbody tr').first()).toContainText('-14.2%/年');
  await expect(periods.locator('tbody tr').nth(1)).toContainText('成长期');
  for (const bad of ['_cagr', 'colocated', ' = ']) await expect(periods).not.toContainText(bad);
});
