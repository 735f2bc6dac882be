// Journey: a teacher opens the Datang case and walks through the data-entry steps (cluster, firms, support,
// judgments, parameters, scenarios), editing one field in each; the summary keeps rendering, and an
// inconsistent set of AHP comparisons raises the consistency-ratio warning computed by the core.
import { test, expect } from './fixtures';

test('edit every data-entry step of the Datang case and keep the summary', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const nav = page.getByRole('navigation', { name: '填报步骤' });
  const summary = page.getByRole('heading', { name: '分析概览' });

  await nav.getByRole('button', { name: '集群', exact: true }).click();
  await page.getByLabel('集群名称', { exact: true }).fill('大唐袜业集群');
  await expect(summary).toBeVisible();

  await nav.getByRole('button', { name: '企业', exact: true }).click();
  await page.getByRole('button', { name: '添加企业' }).click();
  await page.getByRole('textbox', { name: /^企业名称 \d+$/ }).last().fill('示例袜厂');
  await expect(summary).toBeVisible();

  await nav.getByRole('button', { name: '支撑与环境', exact: true }).click();
  await page.getByLabel('行业协会、商会', { exact: true }).fill('3');
  await expect(summary).toBeVisible();

  await nav.getByRole('button', { name: '评分', exact: true }).click();
  await page.getByLabel('企业间信任与合作', { exact: true }).fill('4');
  const start = page.getByRole('button', { name: '开始两两比较' });
  if (await start.count()) await start.click();
  // Concentration ≫ scale ≫ value chain, yet value chain ≫ concentration: intransitive, so CR > 0.10.
  await page.getByLabel('相对重要性 集聚程度 对 规模', { exact: true }).selectOption('9');
  await page.getByLabel('相对重要性 规模 对 产业链', { exact: true }).selectOption('9');
  await page.getByLabel('相对重要性 集聚程度 对 产业链', { exact: true }).selectOption('1/9');
  await expect(page.getByTestId('ahp-cr')).toContainText('判断不一致');
  await expect(summary).toBeVisible();

  await nav.getByRole('button', { name: '参数', exact: true }).click();
  await page.getByLabel('FLQ 参数 δ', { exact: true }).fill('0.25');
  await expect(page.getByText('(默认 0.3)', { exact: false }).first()).toBeVisible();
  await expect(summary).toBeVisible();

  await nav.getByRole('button', { name: '情景', exact: true }).click();
  await page.getByRole('button', { name: '情景：新增 500 个就业岗位' }).click();
  await expect(page.getByRole('textbox', { name: /^情景名称 \d+$/ }).last()).toHaveValue('情景：新增 500 个就业岗位');
  await expect(summary).toBeVisible();
});
