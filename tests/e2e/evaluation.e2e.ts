/**
 * An evaluator rates and notes live, reviews the hot wash, scrubs the map
 * replay to a time and sees the vessels where the scenario puts them, exports
 * the log, and prints the after-action report to PDF.
 */
import { expect, test, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseScenarioYaml } from '../../src/lib/engine/scenario/parse';
import { entityFixAt } from '../../src/lib/engine/sim/entity-position';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';

const scenarioFile = parseScenarioYaml(readFileSync('scenarios/maritime-trafficking-southern-caribbean.yaml', 'utf8'));
if (!scenarioFile.ok) throw new Error('bundled scenario is invalid');
const scenario = scenarioFile.scenario;

async function join(page: Page, code: string, name: string) {
	await page.goto('/');
	await page.getByTestId('join-code').fill(code);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
}

test('evaluator rates, notes, replays, exports and prints the AAR', async ({ browser }, testInfo) => {
	test.setTimeout(180_000);
	const controller = await (await browser.newContext()).newPage();
	const team = await (await browser.newContext()).newPage();
	const evaluatorContext = await browser.newContext({ acceptDownloads: true });
	const evaluator = await evaluatorContext.newPage();

	await controller.goto('/');
	await controller.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await controller.getByTestId('controller-submit').click();
	await controller.locator('[data-scenario-id="maritime-trafficking-southern-caribbean"]').getByTestId('create-exercise').click();
	const teamCode = await controller.locator('[data-testid="team-code"][data-team="tt-coast-guard"]').innerText();
	const evaluatorCode = await controller.getByTestId('evaluator-code').innerText();
	// A name no other test signs in with: the personal-data list spans every exercise on the server.
	await join(team, teamCode, 'Lt Odessa Baptiste');
	await join(evaluator, evaluatorCode, 'Evaluator Joseph');
	await evaluator.waitForURL('**/review');

	await controller.getByTestId('start').click();

	// The team decides and passes the tip-off on to Grenada (at 1×: its 10-minute deadline must not pass first
	// on a slow machine), then the controller speeds the exercise up.
	const tip = team.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]');
	await tip.locator('input[value="share-and-launch"]').check();
	await tip.getByTestId('submit-decision').click();
	await expect(tip.getByTestId('decision-why')).toContainText('Timeliness');
	await controller.getByTestId('speed').selectOption('60');
	await team.locator('[data-testid="inject"][data-inject-id="rifc-tipoff"]').getByTestId('pass-on').click();
	await team.locator('[data-testid="message-to"][value="grenada-police"]').check();
	await team.getByTestId('message-text').fill('RIFC B2: go-fast T-01 heading for your south-west coast, ETA 01:00.');
	await team.getByTestId('message-send').click();
	await expect(team.getByTestId('message')).toContainText('re “RIFC intelligence report');

	// Live evaluation: a note by keyboard, then a rating, then a revision.
	await evaluator.keyboard.press('n');
	await evaluator.getByTestId('observation-team').selectOption('tt-coast-guard');
	await evaluator.getByTestId('observation-objective').selectOption('detect-and-share');
	await evaluator.getByTestId('observation-text').fill('Shared the RIFC report with Grenada within minutes, with caveats.');
	await evaluator.getByTestId('observation-text').press('Enter');
	await expect(evaluator.getByTestId('observation')).toContainText('Shared the RIFC report');
	const cell = evaluator.locator('[data-testid="rating-cell"][data-team="tt-coast-guard"][data-objective="detect-and-share"]');
	await cell.click();
	await evaluator.getByTestId('rating-P').check();
	await evaluator.getByTestId('rating-explanation').fill('Shared fast through the JRCC and kept caveats.');
	await evaluator.getByTestId('rating-save').click();
	await expect(cell).toHaveAttribute('data-rating', 'P');
	await cell.click();
	await evaluator.getByTestId('rating-S').check();
	await evaluator.getByTestId('rating-explanation').fill('Shared fast, but no acknowledgement was asked for.');
	await evaluator.getByTestId('rating-save').click();
	await expect(cell).toHaveAttribute('data-rating', 'S');
	await expect(cell).toHaveAttribute('title', /P by Evaluator Joseph[\s\S]*S by Evaluator Joseph/);
	await expect(evaluator.getByTestId('timeline')).toContainText('shared "RIFC intelligence report');

	// Let some exercise time pass, then end play.
	await expect(controller.getByTestId('exercise-clock')).not.toHaveText(/^00:0[0-2]:/, { timeout: 20_000 });
	await controller.getByTestId('pause').click();
	await controller.getByTestId('end').click();
	await controller.getByRole('dialog', { name: 'End the exercise?' }).getByTestId('confirm-accept').click();
	await expect(evaluator.getByTestId('exercise-status')).toHaveText('ended');

	await evaluator.getByTestId('tab-hotwash').click();
	const hot = evaluator.locator('[data-testid="hot-wash-team"][data-team="tt-coast-guard"]');
	await expect(hot).toContainText('Strengths:');
	// The revised rating stands; the rules-broken list is empty for this clean play.
	await expect(hot.locator('tr', { hasText: 'Detect and share' })).toContainText('S');
	await expect(evaluator.getByTestId('hot-wash-violations')).toContainText('None.');

	// Replay: scrub to minute 2 and compare positions with the scenario's tracks.
	await evaluator.getByTestId('tab-replay').click();
	const at = 2 * 60_000;
	await evaluator.getByTestId('replay-scrubber').evaluate((el: HTMLInputElement, value) => {
		el.value = String(value);
		el.dispatchEvent(new Event('input', { bubbles: true }));
	}, at);
	await expect(evaluator.getByTestId('replay-time')).toHaveText('00:02:00');
	for (const id of ['go-fast', 'cg-cutter-1']) {
		const fix = entityFixAt(
			scenario.entities.find((e) => e.id === id)!,
			at
		);
		const row = evaluator.locator(`[data-testid="replay-positions"] tr[data-entity-id="${id}"]`);
		await expect(row.getByTestId('lat')).toHaveText(fix.position[1].toFixed(3));
		await expect(row.getByTestId('lon')).toHaveText(fix.position[0].toFixed(3));
	}
	await expect(evaluator.locator('[data-testid="replay"] [data-testid="exercise-map"]')).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
	await evaluator.screenshot({ path: testInfo.outputPath('replay.png') });

	await evaluator.getByTestId('tab-charts').click();
	await expect(evaluator.getByTestId('score-chart')).toBeVisible();
	await expect(evaluator.getByTestId('sharing-graph')).toBeVisible();
	await evaluator.screenshot({ path: testInfo.outputPath('charts.png'), fullPage: true });

	// Exports: the whole log as JSON and the timeline as CSV.
	await evaluator.getByTestId('tab-exports').click();
	const [json] = await Promise.all([evaluator.waitForEvent('download'), evaluator.getByTestId('export-events').click()]);
	const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as { events: { seq: number }[] };
	expect(exported.events.map((e) => e.seq)).toEqual(exported.events.map((_, i) => i + 1));
	const [csv] = await Promise.all([evaluator.waitForEvent('download'), evaluator.getByTestId('export-timeline').click()]);
	const lines = readFileSync(await csv.path(), 'utf8')
		.trim()
		.split('\n');
	// Downloaded from the page, the columns are named in the reader's language.
	expect(lines[0]).toContain('No.,Exercise time,Real time (UTC),Kind');

	// The AAR: add an improvement item, set its agency and due date, print to PDF.
	const [aar] = await Promise.all([evaluatorContext.waitForEvent('page'), evaluator.getByTestId('open-aar').click()]);
	await expect(aar.getByTestId('aar')).toBeVisible();
	await aar.getByTestId('plan-issue').fill('No acknowledgement asked when passing intelligence to partners');
	await aar.getByTestId('plan-submit').click();
	await expect(aar.getByTestId('plan-row')).toHaveCount(1);
	await aar.getByTestId('plan-agency').fill('Trinidad and Tobago Coast Guard');
	await aar.getByTestId('plan-agency').press('Tab');
	await aar.getByTestId('plan-due').fill('2027-03-31');
	await aar.getByTestId('plan-due').press('Tab');
	// The printed cells show what the server stored, so these confirm both edits went through.
	await expect(aar.getByTestId('plan-row').locator('.print-only').first()).toHaveText('Trinidad and Tobago Coast Guard');
	await expect(aar.getByTestId('plan-row').locator('.print-only').last()).toHaveText('2027-03-31');
	const pdf = testInfo.outputPath('aar.pdf');
	await aar.emulateMedia({ media: 'print' });
	await aar.pdf({ path: pdf, format: 'A4', printBackground: true });
	// Reading order, whitespace collapsed: table cells wrap over several lines in print.
	const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	for (const section of [
		'After-Action Report / Improvement Plan',
		'Exercise overview',
		'Analysis of capabilities',
		'Improvement plan',
		'Appendix: decision log'
	])
		expect(text).toContain(section);
	expect(text).toContain('Trinidad and Tobago Coast Guard');
	expect(text).toContain('Performed with some challenges');
	expect(text).toContain('No acknowledgement asked');
	expect(text).toContain('2027-03-31');
	expect(text).not.toContain('Print or save as PDF');

	// Closing the evaluation is asked in the page too, naming the act; confirmed, it is closed for everyone.
	await controller.getByTestId('close').click();
	const confirmClose = controller.getByRole('dialog', { name: 'Close the evaluation?' });
	await expect(confirmClose).toHaveAccessibleDescription(/become final.*This cannot be undone\./);
	await expect(confirmClose.getByTestId('confirm-accept')).toHaveText('Close evaluation');
	await confirmClose.getByTestId('confirm-accept').click();
	await expect(confirmClose).toHaveCount(0);
	await expect(evaluator.getByTestId('exercise-status')).toHaveText('closed');
	await expect(controller.getByTestId('close')).toHaveCount(0);

	// After the review: the names people signed in with are listed as personal data, one person's records exported,
	// the exercise anonymised (the evaluator's open review is rebuilt with pseudonyms) and then deleted.
	const exerciseId = new URL(controller.url()).pathname.split('/').at(-1)!;
	await controller.goto('/control');
	const person = controller.locator('[data-testid="person"][data-name="Lt Odessa Baptiste"]');
	await expect(person).toContainText('Trinidad and Tobago Coast Guard');
	const download = controller.waitForEvent('download');
	await person.getByTestId('person-export').click();
	const records = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { name: string; exercises: { exerciseId: string; acted: unknown[] }[] };
	expect(records.name).toBe('Lt Odessa Baptiste');
	expect(records.exercises.find((x) => x.exerciseId === exerciseId)?.acted.length).toBeGreaterThan(0);
	// The evaluator's review shows the names of those who wrote notes and ratings.
	await evaluator.getByTestId('tab-live').click();
	await expect(evaluator.locator('main')).toContainText('— Evaluator Joseph');
	const row = controller.locator(`[data-testid="exercise-row"][data-exercise-id="${exerciseId}"]`);
	await row.getByTestId('anonymise-exercise').click();
	const confirmAnonymise = controller.getByRole('dialog', { name: 'Anonymise this exercise?' });
	await expect(confirmAnonymise).toHaveAccessibleDescription(/replaced by a code such as P-1/);
	await confirmAnonymise.getByTestId('confirm-accept').click();
	await expect(controller.getByTestId('list-notice')).toContainText('is anonymised');
	await expect(controller.locator('[data-testid="person"][data-name="Lt Odessa Baptiste"]')).toHaveCount(0);
	await expect(evaluator.locator('main')).not.toContainText('Evaluator Joseph');
	await expect(evaluator.locator('main')).toContainText('— E-1');
	await row.getByTestId('delete-exercise').click();
	const confirmDelete = controller.getByRole('dialog', { name: 'Delete this exercise?' });
	await confirmDelete.getByTestId('confirm-accept').click();
	await expect(controller.getByTestId('list-notice')).toContainText('was deleted');
	await expect(row).toHaveCount(0);
});
