// Case workers, the triage desk and coordinators at work in the browser.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './support/a11y.js';
import { screenshot, staffPage, tabTo } from './support/pages.js';

/** Sends a question through the public API (as the intake form would) and waits until it is routed. */
async function submitQuestion(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const created = await request.post('/api/v1/intakes', { data: { postcode: '5038', consent: { processing: true }, ...body } });
  expect(created.status()).toBe(201);
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  for (let i = 0; i < 100; i++) {
    const status = (await (await request.get(`/api/v1/intakes/${trackingCode}`)).json()) as { caseReference: string | null };
    if (status.caseReference) return status.caseReference;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not routed');
}

test('a case worker claims, reads and moves a case with the keyboard alone', async ({ browser, request }) => {
  const reference = await submitQuestion(request, { role: 'worker', question: 'Mijn contract wordt in maart niet verlengd. Wat nu?' });
  const page = await staffPage(browser, 'demo-mobiliteitsteam');
  await tabTo(page, /Van werk naar werk.*Midden-Brabant|Mobiliteitsteam.*Midden-Brabant/i);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('worklist-table')).toContainText(reference);
  await tabTo(page, 'Volgende zaak oppakken');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Zaak ${reference}` })).toBeVisible();
  await expect(page.getByText('Mijn contract wordt in maart niet verlengd.')).toBeVisible();
  await tabTo(page, 'Nieuwe status');
  await page.keyboard.type('In behandeling');
  await expect(page.getByLabel('Nieuwe status')).toHaveValue('in_progress');
  await tabTo(page, 'Status opslaan');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Opgeslagen\. De status is nu/)).toBeVisible();
  await tabTo(page, /Notitie|notitie/);
  await page.keyboard.type('Gebeld, cv ontvangen.');
  await tabTo(page, /Notitie toevoegen|Notitie opslaan/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Gebeld, cv ontvangen.').first()).toBeVisible();
  await expectAccessible(page, 'case page');
  await screenshot(page, 'case-desktop');
});

test('the triage desk classifies a question by hand, with the rules’ proposal beside it', async ({ browser, request }) => {
  const reference = await submitQuestion(request, { role: 'jobseeker', question: 'Hallo, ik heb een vraag.', person: { benefit: 'other' } });
  const page = await staffPage(browser, 'demo-triage');
  await page.getByRole('link', { name: /Midden-Brabant/ }).filter({ hasText: /loket|triage/i }).first().click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Zaak ${reference}` })).toBeVisible();
  const classify = page.locator('section[aria-labelledby="action-classify"]');
  await expect(page.locator('[aria-labelledby="proposal-title"]')).toBeVisible();
  await classify.getByLabel(/Niveau/).selectOption('base');
  await classify.getByLabel(/Team/).first().selectOption('mobiliteitsteam');
  await classify.getByLabel(/Reden/).fill('Gebeld: zoekt werk in de logistiek.');
  await classify.getByRole('button').last().click();
  await expect(page.getByText(/mobiliteitsteam|Van werk naar werk/i).first()).toBeVisible();
  await expectAccessible(page, 'triage case page');
});

test('a coordinator assigns cases in bulk, and a new case shows up in an open worklist without a reload', async ({ browser, request }) => {
  const first = await submitQuestion(request, { role: 'employer', question: 'Wij zoeken twee chauffeurs.', employer: { requestType: 'vacancy_general' } });
  const page = await staffPage(browser, 'demo-coordinator');
  await page.goto('/medewerkers/werklijst/AM26/wsp');
  await expect(page.getByTestId('worklist-table')).toContainText(first);

  const second = await submitQuestion(request, { role: 'employer', question: 'Wij zoeken een kok.', employer: { requestType: 'vacancy_general' } });
  await expect(page.getByTestId('worklist-table')).toContainText(second, { timeout: 15_000 });

  await page.getByRole('checkbox', { name: `Selecteer zaak ${first}` }).check();
  await page.getByRole('checkbox', { name: `Selecteer zaak ${second}` }).check();
  const assignee = page.getByLabel('Toewijzen aan');
  await assignee.selectOption((await assignee.locator('option', { hasText: 'demo-wsp' }).getAttribute('value')));
  await page.getByLabel('Reden').fill('Verdeling van de week.');
  await page.getByRole('button', { name: 'Geselecteerde zaken toewijzen' }).click();
  await expect(page.getByText('2 zaken zijn toegewezen.')).toBeVisible();
  await expectAccessible(page, 'worklist (coordinator)');
  await screenshot(page, 'worklist-desktop');

  await page.goto('/medewerkers/overzicht/AM26');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('demo-wsp').first()).toBeVisible();
  await expectAccessible(page, 'overview');
});

test('a coordinator reads the outcome reports by keyboard, at phone width too, and downloads a table as CSV', async ({ browser, request }) => {
  await submitQuestion(request, { role: 'jobseeker', question: 'Ik zit in de bijstand en wil graag weer aan het werk.', person: { benefit: 'bijstand' } });
  const page = await staffPage(browser, 'demo-coordinator');
  await tabTo(page, /^\s*\|\s*\|\s*\|\s*Rapportages$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportages: uitkomsten' })).toBeVisible();
  // Every chart has its table: the figures are readable without the chart.
  await expect(page.getByRole('img', { name: /Staafdiagram: aantal vragen per rol/ })).toBeVisible();
  const byRole = page.getByRole('table', { name: 'Vragen per rol' });
  await expect(byRole.getByRole('rowheader', { name: 'Werkzoekende' })).toBeVisible();
  await expect(byRole.getByRole('rowheader', { name: 'Totaal' })).toBeVisible();
  await expect(page.getByText(/Aantallen van 1 tot 4 staan er als "< 5"/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Uitkomsten per niveau en team' })).toContainText('Totaal');
  await tabTo(page, 'Regio');
  await tabTo(page, 'Toon rapportages');
  await page.keyboard.press('Enter');
  const download = page.waitForEvent('download');
  await tabTo(page, 'Download CSV: Vragen per rol');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('werkloket-volume-byRole-AM26.csv');
  await expectAccessible(page, 'reports page');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'reports-mobile');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'reports-desktop');
});

test('a case worker loads more of a long worklist by keyboard: focus goes to the first new case, the count is announced', async ({ browser, request }) => {
  // 105 questions routed, and axe over tables of 100 and more rows, on a shared 2-core machine.
  test.slow();
  const token = ((await (await request.post('/api/v1/auth/login', { data: { username: 'demo-werkbedrijf', password: 'demo' } })).json()) as { accessToken: string }).accessToken;
  const openCases = async (): Promise<number> => {
    const page = await request.get('/api/v1/worklists/AM26/werkbedrijf/cases?limit=1', { headers: { Authorization: `Bearer ${token}` } });
    expect(page.status()).toBe(200);
    return Number(page.headers()['x-total-count']);
  };
  // More than one page (100) of questions for the werkbedrijf, sent as the intake form would, 15 at a time.
  const before = await openCases();
  const question = { role: 'jobseeker', postcode: '5041', person: { ageBand: '27_55', situation: 'unemployed', benefit: 'bijstand' }, consent: { processing: true } };
  for (let sent = 0; sent < 105; sent += 15) {
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => request.post('/api/v1/intakes', { data: { ...question, question: `Ik zit in de bijstand en zoek werk (${sent + i}).` } })),
    );
    expect(answers.map((answer) => answer.status())).toEqual(answers.map(() => 201));
  }
  await expect.poll(openCases, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 105);
  const total = await openCases();

  const page = await staffPage(browser, 'demo-werkbedrijf');
  await page.goto('/medewerkers/werklijst/AM26/werkbedrijf');
  const rows = page.getByTestId('worklist-table').locator('tbody tr');
  await expect(rows).toHaveCount(100);
  await expect(page.getByText(`100 van ${total} open zaken getoond.`)).toBeVisible();
  await expect(page.getByText(/tellen alleen de 100 getoonde zaken/)).toBeVisible();
  await expectAccessible(page, 'worklist with more cases to load');

  await tabTo(page, 'Meer zaken laden');
  await page.keyboard.press('Enter');
  const shown = Math.min(total, 200);
  await expect(rows).toHaveCount(shown);
  // The first newly loaded case has the focus; the polite live region says how many are shown of how many.
  await expect(rows.nth(100).getByRole('link')).toBeFocused();
  const status = shown === total ? `Alle ${total} open zaken getoond.` : `${shown} van ${total} open zaken getoond.`;
  await expect(page.locator('p[aria-live="polite"]')).toHaveText(status);
  if (shown === total) await expect(page.getByRole('button', { name: 'Meer zaken laden' })).toHaveCount(0);
  await expectAccessible(page, 'worklist after loading more');

  // Polling keeps the cases shown (not only the first page) and a new case shows up among them.
  const reference = await submitQuestion(request, { ...question, question: 'Ik zit in de bijstand, nog een vraag.' });
  if (shown === total) {
    await expect(page.getByTestId('worklist-table')).toContainText(reference, { timeout: 15_000 });
    await expect(rows).toHaveCount(total + 1);
  } else {
    await expect(page.getByText(`200 van ${total + 1} open zaken getoond.`)).toBeVisible({ timeout: 15_000 });
    await expect(rows).toHaveCount(200);
  }
});
