import { expect, test } from '@playwright/test';

test('the service serves the pages and the API on one port', async ({ page, request }) => {
  const health = await request.get('/health');
  expect(health.status()).toBe(200);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', /nl|en/);
  await expect(page.locator('body')).not.toBeEmpty();
});
