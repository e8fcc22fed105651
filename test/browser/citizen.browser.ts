// A citizen asks a question, follows it, and sees a case worker claim, work and close it — all in the browser.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y.js';
import { askQuestion, consentAndSend, screenshot, staffPage } from './support/pages.js';

test('a job seeker asks, follows the status, and sees a case worker work the case to closed', async ({ page, browser }) => {
  await askQuestion(page, { role: 'Ik zoek werk', question: 'Ik zit al twee jaar in de bijstand en wil graag weer aan het werk in de zorg.' });
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('Uw vraag gaat naar het werkbedrijf van Midden-Brabant');
  await screenshot(page, 'intake-desktop');
  await consentAndSend(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Uw vraag is verstuurd' })).toBeVisible();
  const trackingCode = (await page.getByTestId('tracking-code').innerText()).trim();
  expect(trackingCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
  await expect(page.getByText(/Iemand van het werkbedrijf neemt uiterlijk .* contact met u op|pakt uw vraag uiterlijk/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Uw gemeente/ })).toBeVisible();
  await expectAccessible(page, 'confirmation');
  await screenshot(page, 'confirmation-desktop');

  await page.getByRole('link', { name: 'Bekijk de status van uw vraag' }).click();
  await expect(page).toHaveURL(new RegExp(`/status/${trackingCode}$`));
  const journey = page.getByTestId('journey');
  await expect(journey).toContainText('Wij hebben uw vraag ontvangen.');
  await expect(journey).toContainText('Uw vraag is doorgestuurd naar het werkbedrijf.');
  const reference = (await page.getByText(/^WL-\d{4}-\d{6}$/).first().innerText()).trim();

  // The case worker, in another browser: claim, in behandeling, close with a result.
  const staff = await staffPage(browser, 'demo-werkbedrijf');
  await staff.getByRole('link', { name: /Werkbedrijf.*Midden-Brabant/i }).first().click();
  await expect(staff.getByTestId('worklist-table')).toContainText(reference);
  await staff.getByRole('button', { name: 'Volgende zaak oppakken' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: `Zaak ${reference}` })).toBeVisible();
  await expect(staff.getByText('Ik zit al twee jaar in de bijstand')).toBeVisible();
  await staff.getByLabel('Nieuwe status').selectOption('in_progress');
  await staff.getByRole('button', { name: 'Status opslaan' }).click();
  await expect(staff.getByText(/Opgeslagen\. De status is nu/)).toBeVisible();

  await page.reload();
  await expect(journey).toContainText('is met uw vraag bezig');

  await staff.getByLabel('Nieuwe status').selectOption('closed');
  await staff.getByLabel('Resultaat').selectOption('placed_in_work');
  await staff.getByRole('button', { name: 'Status opslaan' }).click();
  await expect(staff.getByText(/Opgeslagen\. De status is nu/)).toBeVisible();

  await page.reload();
  await expect(journey).toContainText('Uw vraag is afgesloten');
  await expectAccessible(page, 'status');
  await screenshot(page, 'status-desktop');
});

test('an employer’s question lands at the WSP', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Ik ben werkgever' }).check();
  await page.getByLabel('Postcode', { exact: false }).first().fill('5038');
  await page.getByLabel('Wat is uw vraag?').fill('Wij zoeken een magazijnmedewerker en willen iemand met een arbeidsbeperking een kans geven.');
  await page.getByLabel('Waar gaat uw vraag over?').selectOption('vacancy_banenafspraak');
  await expect(page.getByTestId('preview')).toContainText('het Werkgeversservicepunt');
  await expect(page.getByLabel(/Uitkering/)).toHaveCount(0);
  await consentAndSend(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Uw vraag is verstuurd' })).toBeVisible();
  await expect(page.getByText(/Werkgeversservicepunt/).first()).toBeVisible();
});

test('someone under 16 gets the answer at once, with the crisis line when the text asks for it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'Ik zoek werk' }).check();
  await page.getByLabel('Postcode', { exact: false }).first().fill('5038');
  await page.getByLabel('Wat is uw vraag?').fill('ik ben 14 en ik wil er niet meer zijn, kan ik een bijbaantje krijgen');
  await page.getByLabel('Hoe oud bent u?').selectOption('under_16');
  await consentAndSend(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Hier kun je terecht' })).toBeVisible();
  await expect(page.getByTestId('crisis-help')).toContainText('113');
  await expect(page.getByTestId('crisis-help')).toContainText('0800-0113');
  await expect(page.getByText('RMC (Regionaal Meld- en Coördinatiepunt)')).toBeVisible();
  await expectAccessible(page, 'under-16 answer');
  await screenshot(page, 'answer-under16');
});

test('health in the question without consent brings up the consent prompt in the preview', async ({ page }) => {
  await askQuestion(page, { role: 'Ik zoek werk', question: 'Ik heb MS en zoek aangepast werk in de administratie.' });
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('U schrijft over uw eigen gezondheid');
  const consent = preview.getByRole('checkbox', { name: /gebruik wat ik over mijn gezondheid schrijf/ });
  await expect(preview).toContainText('De medewerker vraagt bij het eerste contact eerst uw toestemming');
  await consent.check();
  // With consent given knowingly, the case will not need to ask for it later.
  await expect(preview).not.toContainText('De medewerker vraagt bij het eerste contact eerst uw toestemming', { timeout: 10_000 });
  await expect(consent).toBeChecked();
  await expect(preview).toContainText('het werkbedrijf');
  await expectAccessible(page, 'intake with consent prompt');
});

test('a worker hints at ending it in a practical question, on a phone: the crisis line at once, and the triage desk sees it due today at 24:00', async ({ page, browser }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  // No textbook words: the kind of sentence ruleset 2.2.0 reads through its scorecard.
  const question = 'Sorry dat ik dit vraag, maar ik denk dat ik er na het weekend niet meer ben. Wie regelt mijn laatste loon?';
  await askQuestion(page, { role: 'Ik heb werk (werknemer)', question });
  await consentAndSend(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Uw vraag is verstuurd' })).toBeVisible();
  await expect(page.getByTestId('crisis-help')).toContainText('113');
  await expectAccessible(page, 'confirmation after a crisis question, phone width');
  await screenshot(page, 'confirmation-crisis-phone');

  const staff = await staffPage(browser, 'demo-triage');
  await staff.getByRole('link', { name: /Midden-Brabant/ }).filter({ hasText: /loket|triage/i }).first().click();
  const row = staff.getByTestId('worklist-table').getByRole('row').filter({ hasText: /24:00/ }).first();
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(staff.getByText(question)).toBeVisible();
  await expect(staff.getByText(/Signaal van een crisis/).first()).toBeVisible();
});
