// The printable survey report (issue 5): 基本情况 → 特点 → 存在问题 → 对策建议 with the engine's figures, every
// measure with its evidence and seed chapter, rendered to an A4 PDF by headless Chromium and split into page
// images (pdftoppm) to look at.
import { execFileSync } from 'node:child_process';
import { writeFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

test('an official prints the Datang survey report in the official order, with evidence', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await page.locator('button[data-action="report"]').click();
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('大唐镇产业集群调研报告');
  // The four parts in the order officials write them (the result panels inside have their own headings).
  const headings = await report.getByRole('heading', { level: 2 }).allTextContents();
  const order = ['一、基本情况', '二、产业集群的特点', '三、存在的问题', '四、对策建议'].map((h) => headings.indexOf(h));
  expect(order.every((k, i) => k >= 0 && (i === 0 || k > order[i - 1])), headings.join(' | ')).toBe(true);

  // The engine's figures (oracle: the CLI).
  const r = JSON.parse(execFileSync(bin, ['analyze', 'datang']).toString());
  const lq = r.clusters[0].lq.employment.toFixed(2);
  await expect(report).toContainText(`集群就业区位商${lq}`);
  const measures = r.measures.clusters[0].measures;
  await expect(report.getByTestId('report-measure')).toHaveCount(measures.length);
  for (const [k, m] of measures.entries()) {
    const item = report.getByTestId('report-measure').nth(k);
    await expect(item).toContainText(m.title.zh);
    await expect(item).toContainText(`[${m.seed_ref}]`);
    await expect(item.locator('ul.evidence li')).toHaveCount(m.evidence.length);
  }
  await expect(report.getByTestId('report-problems').locator('li').first()).toBeVisible();

  // A4 PDF with the print stylesheet; every page as an image for review.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const dir = 'screenshots/report-pages';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/report.pdf`, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', `${dir}/report.pdf`, `${dir}/page`]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
  console.log(`report_pdf_bytes=${pdf.length} report_pdf_pages=${pages.length}`);
  expect(pages.length).toBeGreaterThanOrEqual(4);
  // No toolbar or step buttons on paper.
  await expect(page.locator('.app-header')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.locator('button[data-action="close-report"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
});
