// Every page, in Dutch and in English, has no WCAG 2.1 A/AA violation (axe-core), a sensible heading, the right
// lang, and fits at 320 px wide and at 200% zoom (a 1280 px screen at 200% is a 640 px wide viewport).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './support/a11y.js';
import { screenshot, staffPage } from './support/pages.js';

const PUBLIC_PAGES = ['/', '/status', '/medewerkers/inloggen'];
const STAFF_PAGES = ['/medewerkers', '/medewerkers/werklijst/AM26/werkbedrijf', '/medewerkers/overzicht/AM26', '/medewerkers/beheer', '/medewerkers/rapportages?regio=AM26'];

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

test('the pages of a question (confirmation, status, under-16 answer) and a case, in both languages', async ({ page, browser, request }) => {
  const created = await request.post('/api/v1/intakes', {
    data: { role: 'jobseeker', postcode: '5038', question: 'Ik zoek werk in de logistiek.', consent: { processing: true } },
  });
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  for (const language of ['nl', 'en'] as const) {
    await checkPage(page, `/bevestiging/${trackingCode}`, language);
    await checkPage(page, `/status/${trackingCode}`, language);
    await page.goto('/');
    await switchTo(page, language);
    const en = language === 'en';
    await page.getByRole('radio', { name: en ? 'I am looking for work' : 'Ik zoek werk' }).check();
    await page.getByLabel('Postcode', { exact: false }).first().fill('5038');
    await page.getByLabel(en ? 'What is your question?' : 'Wat is uw vraag?').fill('ik ben 14 en zoek een bijbaantje');
    await page.getByLabel(en ? 'How old are you?' : 'Hoe oud bent u?').selectOption('under_16');
    await page.getByRole('checkbox', { name: en ? /I give the Werkloket permission/ : /Ik geef toestemming dat het Werkloket/ }).check();
    await page.getByRole('button', { name: en ? 'Send question' : 'Vraag versturen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: en ? 'Where you can go' : 'Hier kun je terecht' })).toBeVisible();
    await expectAccessible(page, `under-16 answer (${language})`);
    await expectNoHorizontalScroll(page, `under-16 answer (${language})`);
  }
  const staff = await staffPage(browser, 'demo-mobiliteitsteam');
  await staff.goto('/medewerkers/werklijst/AM26/mobiliteitsteam');
  await staff.getByTestId('worklist-table').getByRole('link').first().click();
  await expect(staff.getByRole('heading', { level: 1, name: /^Zaak WL-/ })).toBeVisible();
  const casePath = new URL(staff.url()).pathname;
  for (const language of ['nl', 'en'] as const) await checkPage(staff, casePath, language);
  await switchTo(staff, 'nl');
});

test('main pages at phone width (screenshots)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  await screenshot(page, 'intake-mobile');
  await page.goto('/status');
  await screenshot(page, 'status-lookup-mobile');
});
