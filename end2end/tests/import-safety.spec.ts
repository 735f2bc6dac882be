// Imports that never change a number silently (issue 19): a 合计 row, a 单位：千元 row and 95 % are read as the
// official meant, shown in the preview and equal to `clustercalc import` of the same files; workbooks are read in
// a worker with progress and cancel, bombs and old or damaged files are refused in words; the sheet the user
// meant is shown (never a later one in its place) and the skipped ones are named; the calculator's own results
// workbook is refused; a dropped spreadsheet goes to the importer; re-importing industries keeps their history.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'clustercalc-import-safety-'));
const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

// A workbook of inline-string and number cells, written by the CLI fixtures' generator
// (cli/tests/fixtures/import/make-xlsx.py, standard library only).
function workbook(path: string, sheets: { name: string; rows: (string | number)[][] }[]) {
  const script = String.raw`
import sys, json, importlib.util
spec = importlib.util.spec_from_file_location("make_xlsx", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
m.workbook(sys.argv[2], [(s["name"], s["rows"], ()) for s in json.loads(sys.argv[3])])
`;
  execFileSync('python3', ['-c', script, '../cli/tests/fixtures/import/make-xlsx.py', path, JSON.stringify(sheets)]);
}

// A zip bomb shaped like a workbook: 60 million cells in a few MB (the 3.9 MB file froze the page 63 s).
function bomb(path: string) {
  const script = String.raw`
import sys, zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        f.write(f'<?xml version="1.0"?><worksheet {ns}><sheetData>'.encode())
        chunk = (b"<row>" + b"<c><v>1</v></c>" * 100 + b"</row>") * 1000
        for _ in range(600):
            f.write(chunk)
        f.write(b"</sheetData></worksheet>")
`;
  execFileSync('python3', ['-c', script, path]);
}

async function newTown(page) {
  await page.goto('/');
  await page.locator('button[data-choice="new"]').click();
  await expect(page.locator('button[data-action="import"]')).toBeVisible();
}

async function openImport(page) {
  await page.locator('button[data-action="import"]').click();
  await expect(page.getByTestId('import-panel')).toBeVisible();
}

async function savedDataset(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="save"]').click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('a 合计 row, a 千元 unit row and 95 % are read as meant, shown in the preview, and equal the CLI import', async ({ page }) => {
  // Twenty firms under a 单位：千元 row, then the 合计 row a statistics office adds.
  const firms = ['单位：千元', '企业名称,行业代码,从业人员（人）,营业收入'];
  let emp = 0;
  let rev = 0;
  for (let k = 1; k <= 20; k++) {
    firms.push(`企业${k},1762,${100 + k},${12_345 + k * 1_000}`);
    emp += 100 + k;
    rev += 12_345 + k * 1_000;
  }
  firms.push(`合计,,${emp},${rev}`);
  const firmsFile = join(dir, '企业.csv');
  writeFileSync(firmsFile, '\ufeff' + firms.join('\r\n'));
  // 外销比例（%）: "95%" as typed in Excel and saved as CSV, and a plain 60 under the same header.
  const indFile = join(dir, '行业.csv');
  writeFileSync(indFile, '\ufeff行业代码,行业名称,从业人员（人）,外销比例（%）\r\n1762,针织,2210,95%\r\n18,服装,300,60\r\n');

  await newTown(page);
  await openImport(page);
  await page.locator('input[data-action="import-file"]').setInputFiles(indFile);
  await expect(page.getByTestId('import-summary')).toContainText('行业表 2 行');
  await page.locator('button[data-action="import-apply"]').click();
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toBeVisible();

  await openImport(page);
  await page.locator('input[data-action="import-file"]').setInputFiles(firmsFile);
  const preview = page.getByTestId('import-preview');
  // 20 firms, not 21: the 合计 row is named as dropped and checked against the sum; 千元 → 万元 is shown.
  await expect(page.getByTestId('import-summary')).toContainText('企业名单 20 行');
  await expect(preview).toContainText('合计');
  await expect(preview).toContainText('营业收入（万元） × 0.1');
  // 13 345 千元 is 1 334.5 万元, shown as read.
  await expect(preview.getByRole('cell', { name: '1,334.5' })).toBeVisible();
  await page.locator('button[data-action="import-apply"]').click();
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('20 企业名单');

  // The same files through the CLI give the same tables, number for number.
  const app = await savedDataset(page);
  const cli = JSON.parse(execFileSync(bin, ['import', indFile, firmsFile]).toString());
  expect(app.firms).toHaveLength(20);
  expect(app.firms).toEqual(cli.firms);
  expect(app.industries).toEqual(cli.industries);
  expect(app.firms[0].revenue).toBe(1334.5);
  expect(app.industries.map((i) => i.outside_sales_share)).toEqual([0.95, 0.6]);
  expect(app.firms.some((f) => f.name === '合计')).toBe(false);
});

test('workbooks are read in a worker: a bomb is refused in words within seconds, and a read can be cancelled', async ({ page }) => {
  const file = join(dir, 'bomb.xlsx');
  bomb(file);
  await newTown(page);
  await openImport(page);
  const started = Date.now();
  await page.locator('input[data-action="import-file"]').setInputFiles(file);
  await expect(page.getByTestId('import-reading')).toBeVisible();
  // The page answers while the worker reads: a paint and a script round trip well under a long task.
  const rtt = await page.evaluate(() => new Promise<number>((done) => {
    const t = performance.now();
    requestAnimationFrame(() => done(performance.now() - t));
  }));
  expect(rtt).toBeLessThan(500);
  const problem = page.getByTestId('import-problem');
  await expect(problem).toContainText('单元格太多', { timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  await expect(problem).not.toContainText('unreachable');
  await expect(problem).not.toContainText('.xls 请');
  console.log(`import_bomb_60M_cells refused_after_s=${seconds.toFixed(1)} frame_while_reading_ms=${rtt.toFixed(0)}`);

  // The same file again, cancelled while it is being read: nothing changes.
  await page.locator('input[data-action="import-file"]').setInputFiles(file);
  await page.locator('button[data-action="import-cancel"]').click();
  await expect(page.getByTestId('import-cancelled')).toHaveText('已取消读取，数据没有改变。');
  await expect(page.getByTestId('import-problem')).toHaveCount(0);
});

test('old, empty, damaged and unrelated files are refused with what to do, never as CSV', async ({ page }) => {
  await newTown(page);
  await openImport(page);
  const input = page.locator('input[data-action="import-file"]');
  const problem = page.getByTestId('import-problem');
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  await input.setInputFiles({ name: '规上企业.xls', mimeType: 'application/vnd.ms-excel', buffer: ole });
  await expect(problem).toContainText('旧版 .xls/.et 工作簿');
  await expect(problem).toContainText('另存为” .xlsx');
  // A renamed .xls is known by its content.
  await input.setInputFiles({ name: '规上企业.xlsx', mimeType: 'application/octet-stream', buffer: ole });
  await expect(problem).toContainText('旧版 .xls/.et 工作簿');
  await input.setInputFiles({ name: '空.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(problem).toHaveText('空.csv: 文件是空的');
  await input.setInputFiles({ name: '坏.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 not really a zip', 'latin1') });
  await expect(problem).toContainText('不是 .xlsx 工作簿');
  await expect(problem).not.toContainText('EOCD');
  // A workbook whose sheet is cut off in the middle.
  const good = join(dir, 'cut.xlsx');
  workbook(good, [{ name: '企业', rows: [['企业名称', '行业代码'], ['甲', '1762']] }]);
  const cut = Buffer.from(readFileSync(good));
  const truncated = execFileSync('python3', ['-c', String.raw`
import sys, zipfile, io
src = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
out = io.BytesIO()
with zipfile.ZipFile(out, "w") as z:
    for i in src.infolist():
        data = src.read(i)
        z.writestr(i, data[: len(data) // 2] if "sheet1" in i.filename else data)
sys.stdout.buffer.write(out.getvalue())`], { input: cut });
  await input.setInputFiles({ name: 'cut.xlsx', mimeType: 'application/octet-stream', buffer: truncated });
  await expect(problem).toContainText('工作簿已损坏');
  await input.setInputFiles({ name: 'report.pdf.csv', mimeType: 'text/csv', buffer: Buffer.from('%PDF-1.7\n\0\0\0binary', 'latin1') });
  await expect(problem).toContainText('不是表格文件');
});

test('the sheet the user meant is shown with its problem, skipped sheets are named, the results workbook is refused', async ({ page }) => {
  const file = join(dir, '企业名录.xlsx');
  workbook(file, [
    { name: '填表说明', rows: [['本表由镇统计站填报'], ['联系人', '张三']] },
    { name: '规上', rows: [['企业名称', '行业代码', '营业收入（万元）'], ['甲', '1762', 100], ['', '1762', 50], ['丙', '18', 70]] },
    { name: '规下', rows: [['企业名称', '行业代码', '营业收入（万元）'], ['丁', '1762', 10]] },
  ]);
  await newTown(page);
  await openImport(page);
  await page.locator('input[data-action="import-file"]').setInputFiles(file);
  // The 规上 sheet's problem, at its cell — not the 规下 sheet's 1 firm in its place.
  await expect(page.getByTestId('import-problem')).toContainText('工作表“规上”第 3 行');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  const notes = page.getByTestId('import-sheet-notes');
  await expect(notes).toContainText('已跳过的工作表');
  await expect(notes).toContainText('工作表“填表说明”');
  await expect(notes).toContainText('另有工作表 “规下”');
  await expect(page.getByTestId('import-sheet')).toHaveValue('1');
  // The user picks the other sheet: its preview.
  await page.getByTestId('import-sheet').selectOption({ label: '规下' });
  await expect(page.getByTestId('import-summary')).toContainText('工作表“规下”：企业名单 1 行');

  // The calculator's own results workbook (exported from Datang) is not a data table.
  await page.locator('input[data-action="import-file"]').setInputFiles('../cli/tests/fixtures/import/results.xlsx');
  await expect(page.getByTestId('import-problem')).toContainText('结果工作簿');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
});

test('a spreadsheet dropped on the page goes to the importer; re-imported industries keep their history', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.locator('.kpis').first()).toBeVisible();
  const csv = '\ufeff行业代码,行业名称,从业人员（人）\r\n18,纺织服装,46000\r\n17,纺织业,6100\r\n';
  // Dropped anywhere on the page, as a file from the desktop.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '大唐行业.csv', { type: 'text/csv' }));
    document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, csv);
  await expect(page.getByTestId('import-panel')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('行业表 2 行');
  await page.locator('button[data-action="import-apply"]').click();
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('保留了 2 个行业原有的历年数据');
  const saved = await savedDataset(page);
  const ind18 = saved.industries.find((i) => i.code === '18');
  expect(ind18.employment).toBe(46000);
  expect(ind18.history).toEqual([{ year: 2000, employment: 33000, output: 650000 }]);
});
