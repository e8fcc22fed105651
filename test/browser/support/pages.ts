// Helpers that act like a person would: fill the intake form, log in as staff, reach things with the keyboard.
import { mkdirSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';

export const SCREENSHOTS = new URL('../../../dist/screenshots/', import.meta.url);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

export interface Question {
  role: string;
  postcode?: string;
  question: string;
}

/** Fills the intake form as a citizen does (role, postcode, question, consent) and sends it. */
export async function askQuestion(page: Page, { role, postcode = '5038', question }: Question): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: role }).check();
  await page.getByLabel('Postcode', { exact: false }).first().fill(postcode);
  await page.getByLabel('Wat is uw vraag?').fill(question);
}

export async function consentAndSend(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /Ik geef toestemming dat het Werkloket/ }).check();
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
}

/** A staff member's own browser context, logged in through the login page. */
export async function staffPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/medewerkers/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn werklijsten' })).toBeVisible();
  return page;
}

/** Presses Tab until the focused element has this accessible text (proves it is reachable by keyboard). */
export async function tabTo(page: Page, name: string | RegExp, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelledBy = el.getAttribute('aria-labelledby');
      const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      return [el.getAttribute('aria-label') ?? '', labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '', label, el.textContent ?? ''].join(' | ');
    });
    if (typeof name === 'string' ? focused.includes(name) : name.test(focused)) return;
  }
  throw new Error(`Could not reach "${String(name)}" with the Tab key`);
}
