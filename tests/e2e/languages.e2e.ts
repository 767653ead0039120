/**
 * One exercise in three languages: the controller works in English, the coast guard in Spanish (its browser
 * prefers Spanish, so the first visit follows it) and customs in French (chosen on the join page before joining).
 * Each team sees the interface and the scenario's injects in its own language, decides, and sees nothing of the
 * interface left in English; an inject the controller writes during play reaches the French team marked as shown in
 * the original. The evaluator reads in French and prints the after-action report in French.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test, type Page } from './fixtures';
import { createExercise, newPage } from './pages';

type Catalogue = Record<string, unknown>;
const catalogue = (area: string, locale: string): Catalogue => JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8')) as Catalogue;
/** A plain message of a catalogue, its placeholders filled in. */
function say(area: string, locale: string, key: string, params: Record<string, string> = {}): string {
	const message = catalogue(area, locale)[key];
	if (typeof message !== 'string') throw new Error(`${area}/${locale}.json has no plain message ${key}`);
	return message.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}
const translation = (locale: string) =>
	parse(readFileSync(`scenarios/translations/maritime-trafficking-southern-caribbean.${locale}.yaml`, 'utf8')) as {
		teams: Record<string, { name: string }>;
		injects: Record<string, { title: string; decision?: { prompt: string } }>;
	};
const SPANISH = translation('es');
const FRENCH = translation('fr');

/**
 * English interface sentences (of the areas a team page uses) that are visible on `page` although it reads in
 * `locale`: only messages of at least three words that the language words differently, so names and codes that are
 * the same in every language do not count.
 */
async function englishLeft(page: Page, locale: string): Promise<string[]> {
	const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
	const left: string[] = [];
	for (const area of ['common', 'team', 'map', 'errors']) {
		const [en, other] = [catalogue(area, 'en'), catalogue(area, locale)];
		for (const [key, message] of Object.entries(en)) {
			if (typeof message !== 'string' || message === other[key] || /\{/.test(message) || message.split(' ').length < 3) continue;
			if (text.includes(message)) left.push(`${key}: ${message}`);
		}
	}
	return left;
}

test('controller in English, teams in Spanish and French, the evaluator’s report in French', async ({ browser }, testInfo) => {
	test.setTimeout(240_000);
	const controller = await newPage(browser);
	const c = controller.page;
	const code = await createExercise(c, 'maritime-trafficking-southern-caribbean');
	const evaluatorCode = await c.getByTestId('evaluator-code').innerText();

	// The coast guard's browser prefers Spanish: the join page is in Spanish on the first visit.
	const spanish = await (await browser.newContext({ locale: 'es-ES' })).newPage();
	await spanish.goto('/');
	await expect(spanish.locator('html')).toHaveAttribute('lang', 'es');
	await expect(spanish.getByTestId('join-submit')).toHaveText(say('join', 'es', 'join_submit'));
	await spanish.getByTestId('join-code').fill(await code('tt-coast-guard'));
	await spanish.getByTestId('join-name').fill('Teniente Baptiste');
	await spanish.getByTestId('join-submit').click();
	await spanish.waitForURL('**/play');
	await expect(spanish.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(spanish.getByTestId('connection')).toHaveText(say('common', 'es', 'connection_online'));
	await expect(spanish.getByTestId('team-name')).toHaveText(SPANISH.teams['tt-coast-guard']!.name);

	// Customs' browser is in English: the officer picks French on the join page, before joining.
	const french = await (await browser.newContext()).newPage();
	await french.goto('/');
	await expect(french.getByTestId('join-submit')).toHaveText(say('join', 'en', 'join_submit'));
	await french.getByTestId('language').selectOption('fr');
	await expect(french.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(french.getByTestId('join-submit')).toHaveText(say('join', 'fr', 'join_submit'));
	await french.getByTestId('join-code').fill(await code('tt-customs'));
	await french.getByTestId('join-name').fill('Agent Ramdin');
	await french.getByTestId('join-submit').click();
	await french.waitForURL('**/play');
	await expect(french.getByTestId('team-name')).toHaveText(FRENCH.teams['tt-customs']!.name);

	// The evaluator reads French (browser preference).
	const evaluator = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
	await evaluator.goto('/');
	await evaluator.getByTestId('join-code').fill(evaluatorCode);
	await evaluator.getByTestId('join-name').fill('Évaluatrice Joseph');
	await evaluator.getByTestId('join-submit').click();
	await evaluator.waitForURL('**/review');

	// Start: the controller's page stays English; the tip-off reaches the coast guard in Spanish.
	await c.getByTestId('start').click();
	await expect(c.getByTestId('exercise-status')).toHaveText('running');
	await expect(spanish.getByTestId('exercise-status')).toHaveText(say('common', 'es', 'status_running'));
	await expect(french.getByTestId('exercise-status')).toHaveText(say('common', 'fr', 'status_running'));
	await expect(c.locator('[data-testid="msel-row"][data-inject-id="rifc-tipoff"]')).toContainText('RIFC');
	const tip = spanish.locator('[data-testid="inject"][data-inject-id="rifc-tipoff"]');
	await expect(tip.locator('h3')).toHaveText(SPANISH.injects['rifc-tipoff']!.title);
	await expect(tip.getByTestId('shown-in-original')).toHaveCount(0);
	const tipDecision = spanish.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]');
	await expect(tipDecision).toContainText(SPANISH.injects['rifc-tipoff']!.decision!.prompt);
	await expect(tipDecision.getByTestId('submit-decision')).toHaveText(say('team', 'es', 'team_submit_decision'));

	// The controller can read the MSEL as the Spanish team reads it, and go back to the original.
	await c.getByTestId('read-as').selectOption('es');
	await expect(c.locator('[data-testid="msel-row"][data-inject-id="rifc-tipoff"]')).toContainText(SPANISH.injects['rifc-tipoff']!.title.slice(0, 30));
	await c.getByTestId('read-as').selectOption('en');
	await expect(c.locator('[data-testid="msel-row"][data-inject-id="rifc-tipoff"]')).not.toContainText(SPANISH.injects['rifc-tipoff']!.title.slice(0, 30));

	// The Spanish team decides; it is recorded and scored like any other.
	await tipDecision.locator('input[value="share-and-launch"]').check();
	await tipDecision.getByTestId('submit-decision').click();
	await expect(tipDecision).toHaveAttribute('data-status', 'decided');
	await expect(tipDecision.getByTestId('decision-result')).toContainText('Teniente Baptiste');
	await expect(c.locator('[data-testid="score-row"][data-team="tt-coast-guard"] [data-testid="score-total"]')).not.toHaveText(/^0\.0 \//);

	// The controller releases the customs evidence inject: customs reads it in French and decides.
	await c.locator('[data-testid="msel-row"][data-inject-id="customs-evidence"]').getByTestId('release').click();
	const evidence = french.locator('[data-testid="inject"][data-inject-id="customs-evidence"]');
	await expect(evidence.locator('h3')).toHaveText(FRENCH.injects['customs-evidence']!.title);
	const evidenceDecision = french.locator('[data-testid="decision"][data-inject-id="customs-evidence"]');
	await evidenceDecision.locator('input[value="seal-and-log"]').check();
	await evidenceDecision.getByTestId('submit-decision').click();
	await expect(evidenceDecision).toHaveAttribute('data-status', 'decided');

	// An inject the controller writes in English during play reaches the French team marked as shown in the original.
	await c.getByTestId('adhoc-from').fill('Minister of National Security');
	await c.locator('[data-testid="adhoc-to"][value="tt-customs"]').check();
	await c.getByTestId('adhoc-title').fill('Minister wants a briefing');
	await c.getByTestId('adhoc-body').fill('Call the minister back within ten minutes with what was seized.');
	await c.getByTestId('adhoc-submit').click();
	const adHoc = french.getByTestId('inject').filter({ hasText: 'Minister wants a briefing' });
	await expect(adHoc.getByTestId('shown-in-original')).toHaveText(say('common', 'fr', 'shown_in_original', { language: 'English' }));

	// No interface sentence is left in English on either team's page.
	expect(await englishLeft(spanish, 'es'), 'English on the Spanish team page').toEqual([]);
	expect(await englishLeft(french, 'fr'), 'English on the French team page').toEqual([]);
	await spanish.screenshot({ path: testInfo.outputPath('play-es.png') });
	await french.screenshot({ path: testInfo.outputPath('play-fr.png') });

	// End; the evaluator's after-action report prints in French.
	await c.getByTestId('pause').click();
	await c.getByTestId('end').click();
	await c.getByRole('dialog', { name: 'End the exercise?' }).getByTestId('confirm-accept').click();
	await expect(evaluator.getByTestId('exercise-status')).toHaveAttribute('data-status', 'ended');
	await evaluator.getByTestId('tab-exports').click();
	await evaluator.goto((await evaluator.getByTestId('open-aar').getAttribute('href'))!);
	await expect(evaluator.getByTestId('aar')).toBeVisible();
	const pdf = testInfo.outputPath('aar-fr.pdf');
	await evaluator.emulateMedia({ media: 'print' });
	await evaluator.pdf({ path: pdf, format: 'A4', printBackground: true });
	const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	expect(printed).toContain(say('review', 'fr', 'review_aar_kicker'));
	expect(printed).toContain(say('review', 'fr', 'review_aar_summary'));
	// The page margins are worded in French too: "Page 1 sur N".
	expect(printed).toMatch(new RegExp(`${say('review', 'fr', 'review_aar_print_page')} 1 ${say('review', 'fr', 'review_aar_print_of')} \\d+`));
	expect(printed).toContain(FRENCH.teams['tt-coast-guard']!.name);
	expect(printed).not.toContain(say('review', 'en', 'review_aar_kicker'));
	expect(printed).not.toContain(say('review', 'en', 'review_aar_summary'));
	for (const w of [controller]) expect(w.errors).toEqual([]);
});
