import type { Page } from 'playwright-core';

/** Goes through the first run in Vietnamese, choosing `province` (and its first district). */
export async function finishFirstRun(page: Page, base: string, province: string): Promise<void> {
  const button = (name: string) => page.getByRole('button', { name });
  await page.goto(`${base}/app/`);
  await button('Tiếp tục').click();
  await page.getByRole('checkbox').check();
  await button('Tiếp tục').click();
  await page.getByRole('combobox', { name: 'Tỉnh / thành phố' }).click();
  await page.getByRole('option', { name: province, exact: true }).click();
  await page.getByRole('combobox', { name: 'Quận / huyện' }).click();
  await page.getByRole('option').first().click();
  await button('Tiếp tục').click();
  await button('Bắt đầu sử dụng').click();
  await page.getByTestId('status').waitFor();
}
