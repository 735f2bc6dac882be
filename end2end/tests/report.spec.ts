// The survey report (调研报告, issue 16): the app shows the core's report document — the same text as
// `clustercalc report --format html` — prints it on A4 (every page drawn as an image to look at), and saves the
// same Word file as `clustercalc report --format docx`, byte for byte, which a word processor opens.
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, readdirSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const ZH_HEADINGS = ['一、基本情况', '二、主要特点', '三、存在的问题', '四、对策建议', '五、需要补充的数据', '附录 数据来源与方法说明'];

test('an official reads, prints and saves as Word the Datang survey report', async ({ page, browser }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await page.locator('button[data-action="report"]').click();
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('大唐镇产业集群调研报告');
  // The five sections and the appendix, in the order a township hands them in.
  await expect(report.getByRole('heading', { level: 2 })).toHaveText(ZH_HEADINGS);

  // The same document as the CLI's HTML file: every text the same (oracle: `clustercalc report`).
  const cliHtml = execFileSync(bin, ['report', 'datang', '--lang', 'zh', '--format', 'html']).toString();
  const other = await browser.newPage();
  await other.setContent(cliHtml);
  const cliText = await other.locator('article.report-doc').textContent();
  await other.close();
  expect(await report.textContent()).toBe(cliText);
  // The engine's figures and every measure it fired are in it.
  const r = JSON.parse(execFileSync(bin, ['analyze', 'datang']).toString());
  await expect(report).toContainText(`集群就业区位商 ${r.clusters[0].lq.employment.toFixed(2)}`);
  for (const m of r.measures.clusters[0].measures) await expect(report).toContainText(m.title.zh);
  // Two vector charts: LQ by industry, the cluster's maturity by dimension.
  await expect(report.locator('figure svg')).toHaveCount(2);
  // Nothing of the old report's program words: no raw ids, no English source notes, no 区位熵.
  const text = (await report.textContent()) ?? '';
  for (const bad of ['区位熵', 'assumption', 'seed ch.', 'support.', '[assignment]', '湖南小城镇产业集群研究']) {
    expect(text, bad).not.toContain(bad);
  }

  // Save as Word: the file the CLI writes for the same town and language, byte for byte.
  const dir = 'screenshots/report-pages';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="report-docx"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('大唐镇-调研报告.docx');
  const saved = `${dir}/app.docx`;
  await download.saveAs(saved);
  execFileSync(bin, ['report', 'datang', '--lang', 'zh', '--format', 'docx', '-o', `${dir}/cli.docx`]);
  expect(readFileSync(saved).equals(readFileSync(`${dir}/cli.docx`)), 'app and CLI write the same .docx').toBe(true);
  // A real .docx reader (python-docx, installed by scripts/setup.sh) opens it: the six headings as Heading 1, the
  // tables, the two charts as Word charts, the title in the document properties.
  const read = JSON.parse(execFileSync('../.tools/reader-venv/bin/python', ['-c', String.raw`
import sys, json, docx
from docx.enum.shape import WD_INLINE_SHAPE
d = docx.Document(sys.argv[1])
print(json.dumps({"headings": [p.text for p in d.paragraphs if p.style.name == "Heading 1"],
                  "tables": len(d.tables), "title": d.core_properties.title,
                  "charts": sum(1 for s in d.inline_shapes if s.type == WD_INLINE_SHAPE.CHART)}))
`, saved]).toString());
  expect(read.headings).toEqual(ZH_HEADINGS);
  expect(read.charts).toBe(2);
  expect(read.tables).toBeGreaterThanOrEqual(3);
  expect(read.title).toBe('大唐镇产业集群调研报告');
  // A word processor opens it, when one is installed (scripts/docx-render.sh installs LibreOffice).
  if (existsSync('/usr/bin/soffice')) {
    execFileSync('soffice', [`-env:UserInstallation=file:///tmp/clustercalc-lo-${process.pid}`, '--headless',
      '--convert-to', 'pdf', '--outdir', dir, saved], { stdio: 'ignore', timeout: 120_000 });
    const info = execFileSync('pdfinfo', [`${dir}/app.pdf`]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(8);
  }

  // A4 PDF with the print stylesheet; every page as an image for review.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  writeFileSync(`${dir}/report.pdf`, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', `${dir}/report.pdf`, `${dir}/page`]);
  const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
  console.log(`report_pdf_bytes=${pdf.length} report_pdf_pages=${pages.length}`);
  expect(pages.length).toBeGreaterThanOrEqual(6);
  // No toolbar or step buttons on paper.
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.report-bar')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.locator('button[data-action="close-report"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
});

test('the English report is English and follows the language switch', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  await page.locator('button[data-action="report"]').click();
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { level: 2 }).first()).toHaveText('一、基本情况');
  await page.locator('button.lang-switch').click();
  await expect(report.getByRole('heading', { level: 2 }).first()).toHaveText('1. Basic facts');
  const cli = execFileSync(bin, ['report', 'xiqiao', '--lang', 'en', '--format', 'md']).toString();
  const title = cli.split('\n')[0].replace(/^# /, '');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText(title);
  // No Chinese left in the English report but the names of places, firms and industries the user typed.
  await expect(report).not.toContainText('区位商');
  await expect(page.locator('button[data-action="report-docx"]')).toHaveText('Save as Word (.docx)');
});
