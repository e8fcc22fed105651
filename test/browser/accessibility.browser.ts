// Every page, in Dutch and in English, has no WCAG 2.1 A/AA violation (axe-core), a sensible heading, the right
// lang, and fits at 320 px wide and at 200% zoom (a 1280 px screen at 200% is a 640 px wide viewport).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './support/a11y.js';
import { screenshot, staffPage } from './support/pages.js';

const PUBLIC_PAGES = ['/', '/status', '/medewerkers/inloggen'];
const STAFF_PAGES = ['/medewerkers', '/medewerkers/werklijst/AM26/werkbedrijf', '/medewerkers/overzicht/AM26', '/medewerkers/beheer'];

async function switchTo(page: Page, language: 'nl' | 'en'): Promise<void> {
  const name = language === 'en' ? 'English' : 'Nederlands';
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

async function checkPage(page: Page, path: string, language: 'nl' | 'en'): Promise<void> {
  await page.goto(path);
  await switchTo(page, language);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('main')).toBeVisible();
  await expectAccessible(page, `${path} (${language})`);
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoHorizontalScroll(page, `${path} (${language}) at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const language of ['nl', 'en'] as const) {
  test(`public pages in ${language}`, async ({ page }) => {
    for (const path of PUBLIC_PAGES) await checkPage(page, path, language);
  });

  test(`staff pages in ${language}`, async ({ browser }) => {
    const page = await staffPage(browser, 'demo-admin');
    for (const path of STAFF_PAGES) await checkPage(page, path, language);
    await switchTo(page, 'nl');
  });
}

test('main pages at phone width (screenshots)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  await screenshot(page, 'intake-mobile');
  await page.goto('/status');
  await screenshot(page, 'status-lookup-mobile');
});
