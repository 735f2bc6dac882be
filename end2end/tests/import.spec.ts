// Importing tables from spreadsheets (issue 5): a paste from Excel/WPS, a GB18030 CSV, an .xlsx written by
// another program, the app's own .xlsx template, located errors, all-or-nothing, undo, and 50 000 firm rows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, fullShot } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'clustercalc-import-'));

// GB18030 bytes of a CSV, encoded by Python (Node has no GB18030 encoder).
function gb18030(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text });
}

// A minimal .xlsx as a program other than ours writes it (shared strings, a number-typed code cell, the used
// range starting in row 2), built with Python's zipfile.
function foreignXlsx(path: string) {
  const script = String.raw`
import sys, zipfile
p = sys.argv[1]
strings = ["行业代码", "行业名称", "就业人数（万人）", "产值（亿元）", "针织", "纺织服装"]
sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A2:D4"/><sheetData>'
  '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>'
  '<row r="3"><c r="A3"><v>1762</v></c><c r="B3" t="s"><v>4</v></c><c r="C3"><v>0.6</v></c><c r="D3"><v>15</v></c></row>'
  '<row r="4"><c r="A4"><v>18</v></c><c r="B4" t="s"><v>5</v></c><c r="C4"><v>0.12</v></c><c r="D4"><v>2.5</v></c></row>'
  '</sheetData></worksheet>')
files = {
  "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="镇行业" sheetId="1" r:id="rId1"/></sheets></workbook>',
  "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
  "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?>' + sheet,
}
with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
  for name, body in files.items():
    z.writestr(name, body)
`;
  execFileSync('python3', ['-c', script, path]);
}

async function openImport(page) {
  await page.goto('/');
  await page.locator('button[data-choice="new"]').click();
  await page.locator('button[data-action="import"]').click();
  await expect(page.getByTestId('import-panel')).toBeVisible();
}

test('an official pastes firms from a spreadsheet, checks the preview, applies and can undo', async ({ page }) => {
  await openImport(page);
  const tsv = '企业名称\t行业代码\t就业人数\t营业收入（亿元）\t龙头企业\n'
    + '浪莎针织\t1762\t1200\t4.5\t是\n梦娜袜业\t1762\t800\t2\t否\n';
  await page.getByTestId('import-paste').fill(tsv);
  await page.locator('button[data-action="import-read-paste"]').click();
  await expect(page.getByTestId('import-summary')).toContainText('企业名单 2 行');
  const preview = page.getByTestId('import-preview');
  // The unit is converted (亿元 → 万元) and named in the mapping.
  await expect(preview).toContainText('营业收入（万元） × 10,000');
  await expect(preview.getByRole('cell', { name: '45,000' })).toBeVisible();
  await fullShot(page, 'screenshots/import-preview.png');
  await page.locator('button[data-action="import-apply"]').click();
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('2 企业名单');
  await page.getByRole('navigation').getByRole('button', { name: '企业' }).click();
  await expect(page.getByLabel('企业名称 1', { exact: true })).toHaveValue('浪莎针织');
  await expect(page.getByLabel('营业收入（万元） 1', { exact: true })).toHaveValue('45000');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('企业名称 1', { exact: true })).toHaveCount(0);
});

test('a GB18030 CSV of industries imports with its units; a bad cell is named and nothing changes', async ({ page }) => {
  await openImport(page);
  const good = join(dir, '行业.csv');
  writeFileSync(good, gb18030('行业代码,行业名称,就业人数,产值（亿元）\r\n1762,针织,6000,15\r\n18,服装,1200,2.5\r\n'));
  await page.locator('input[data-action="import-file"]').setInputFiles(good);
  await expect(page.getByTestId('import-summary')).toContainText('行业表 2 行');
  await page.locator('button[data-action="import-apply"]').click();
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  await expect(page.getByLabel('行业代码 1', { exact: true })).toHaveValue('1762');
  await expect(page.getByLabel('本镇就业（人） 2', { exact: true })).toHaveValue('1200');

  // A bad cell: sheet, row, column and cell are named, and the industries stay as they were.
  await page.locator('button[data-action="import"]').click();
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, '\ufeff行业代码,就业人数\n17,100\n18,一千\n');
  await page.locator('input[data-action="import-file"]').setInputFiles(bad);
  await expect(page.getByTestId('import-problem')).toHaveText('工作表“bad”第 3 行 B 列（B3）：“一千”不是数字');
  await expect(page.locator('button[data-action="import-apply"]')).toHaveCount(0);
  await expect(page.getByLabel('行业代码 1', { exact: true })).toHaveValue('1762');
});

test('an .xlsx written by another program imports; the app\'s own template round-trips', async ({ page }) => {
  await openImport(page);
  const file = join(dir, 'town.xlsx');
  foreignXlsx(file);
  await page.locator('input[data-action="import-file"]').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toContainText('工作表“镇行业”：行业表 2 行');
  await expect(page.getByTestId('import-summary')).toContainText('表头在第 2 行');
  await page.locator('button[data-action="import-apply"]').click();
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  // 0.6 万人 = 6 000 persons; the code written as a number is read as the text "1762".
  await expect(page.getByLabel('行业代码 1', { exact: true })).toHaveValue('1762');
  await expect(page.getByLabel('本镇就业（人） 1', { exact: true })).toHaveValue('6000');

  // The firm template as .xlsx (the spreadsheet module loads on this first use), imported back.
  await page.locator('button[data-action="import"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="template-firms-xlsx"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-firms-template\.xlsx$/);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  await page.locator('input[data-action="import-file"]').setInputFiles({ name: 'template.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByTestId('import-summary')).toContainText('企业名单 1 行');
  await expect(page.getByTestId('import-preview')).not.toContainText('不导入');
});

test('50 000 firm rows import in one step; the time is reported', async ({ page }) => {
  await openImport(page);
  const rows = ['企业名称,行业代码,就业人数,营业收入（万元）,龙头企业'];
  for (let k = 0; k < 50_000; k++) rows.push(`企业${k},${k % 2 ? '1762' : '18'},${10 + (k % 300)},${100 + k % 5000},${k % 997 === 0 ? '是' : '否'}`);
  const file = join(dir, 'firms50k.csv');
  writeFileSync(file, rows.join('\r\n'));
  const started = Date.now();
  await page.locator('input[data-action="import-file"]').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toContainText('企业名单 50000 行', { timeout: 30_000 });
  const read = Date.now() - started;
  const applyStart = Date.now();
  await page.locator('button[data-action="import-apply"]').click();
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toBeVisible({ timeout: 30_000 });
  const applied = Date.now() - applyStart;
  const marks = await page.evaluate(() => ({
    read: performance.getEntriesByName('clustercalc:import-read').at(-1)?.duration,
    apply: performance.getEntriesByName('clustercalc:import-apply').at(-1)?.duration,
  }));
  console.log(`import_50k_firms read_to_preview_ms=${read} apply_to_done_ms=${applied} core_read_ms=${marks.read?.toFixed(0)} core_apply_ms=${marks.apply?.toFixed(0)}`);
});

test('an oversized file is refused with its size', async ({ page }) => {
  await openImport(page);
  const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
  await page.locator('input[data-action="import-file"]').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: big });
  await expect(page.getByTestId('import-problem')).toContainText('huge.csv');
  await expect(page.getByTestId('import-problem')).toContainText('21.0 MB > 20 MB');
});
