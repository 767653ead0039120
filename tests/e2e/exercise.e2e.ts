/**
 * One exercise played in four browser contexts: controller, two agency teams
 * and an evaluator, against the real server with the built app.
 */
import { expect, test, type Browser, type Page } from './fixtures';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';
import { loadScenario } from '../fixtures/load-scenario';

const MARITIME = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');

interface Watched {
	page: Page;
	outside: string[];
	consoleErrors: string[];
}

async function openPage(browser: Browser): Promise<Watched> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const watched: Watched = { page, outside: [], consoleErrors: [] };
	page.on('request', (req) => {
		const host = new URL(req.url()).hostname;
		if (!['127.0.0.1', 'localhost'].includes(host) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) watched.outside.push(req.url());
	});
	page.on('console', (msg) => {
		if (msg.type() === 'error') watched.consoleErrors.push(msg.text());
	});
	page.on('pageerror', (err) => watched.consoleErrors.push(err.message));
	return watched;
}

async function join(watched: Watched, code: string, name: string, expectedPath: string) {
	const { page } = watched;
	await page.goto('/');
	await page.getByTestId('join-code').fill(code);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	await page.waitForURL(`**${expectedPath}`);
	await expect(page.getByTestId('connection')).toHaveText('online');
}

/** Counts distinct colours drawn on the map canvas (a blank canvas has one). */
async function canvasColours(page: Page): Promise<{ distinct: number; width: number }> {
	return page.locator('[data-testid="exercise-map"] canvas').evaluate((canvas: HTMLCanvasElement) => {
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		const ctx = copy.getContext('2d')!;
		ctx.drawImage(canvas, 0, 0);
		const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
		const seen = new Set<number>();
		for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
		return { distinct: seen.size, width: canvas.width };
	});
}

test('controller, two teams and an evaluator play through decisions live', async ({ browser }) => {
	// Four browser contexts, three of them drawing the map with software WebGL on a 2-core machine: allow for it.
	test.setTimeout(180_000);
	const controller = await openPage(browser);
	const coastGuard = await openPage(browser);
	const customs = await openPage(browser);
	const evaluator = await openPage(browser);
	const all = [controller, coastGuard, customs, evaluator];

	// Controller signs in, creates an exercise and reads the join codes.
	const c = controller.page;
	await c.goto('/');
	// A wrong key is refused in plain words beside the controller's form.
	await c.getByTestId('controller-key').fill('not-the-key');
	await c.getByTestId('controller-submit').click();
	await expect(c.getByTestId('controller-error')).toHaveText(/^That controller key is not right\./);
	await expect(c.getByTestId('join-error')).toHaveCount(0);
	await c.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await c.getByTestId('controller-submit').click();
	await c.waitForURL('**/control');
	const scenario = c.locator('[data-scenario-id="maritime-trafficking-southern-caribbean"]');
	await expect(scenario).toContainText('Maritime trafficking interdiction');
	await scenario.getByTestId('create-exercise').click();
	await expect(c.getByTestId('exercise-status')).toHaveText('setup');
	const cgCode = await c.locator('[data-testid="team-code"][data-team="tt-coast-guard"]').innerText();
	const customsCode = await c.locator('[data-testid="team-code"][data-team="tt-customs"]').innerText();
	const evaluatorCode = await c.getByTestId('evaluator-code').innerText();
	await expect(c.getByTestId('msel-row')).toHaveCount(MARITIME.injects.length);

	// A wrong code is refused in plain words beside the join form (not the server's own wording).
	await customs.page.goto('/');
	await customs.page.getByTestId('join-code').fill('ZZZZ-ZZZZ-ZZZZ');
	await customs.page.getByTestId('join-name').fill('Officer Ramdin');
	await customs.page.getByTestId('join-submit').click();
	await expect(customs.page.getByTestId('join-error')).toHaveText('That join code was not recognised. Check it with your controller and type it again.');
	await expect(customs.page.getByTestId('join-code')).toHaveAttribute('aria-describedby', 'join-error');

	await join(coastGuard, cgCode, 'Lt Baptiste', '/play');
	await join(customs, customsCode, 'Officer Ramdin', '/play');
	await join(evaluator, evaluatorCode, 'Evaluator Joseph', '/review');
	await expect(coastGuard.page.getByTestId('team-name')).toHaveText('Trinidad and Tobago Coast Guard');
	await expect(customs.page.getByTestId('team-name')).toContainText('Customs');

	// Start: the minute-0 tip-off reaches the coast guard only, live.
	await c.getByTestId('start').click();
	for (const w of all) await expect(w.page.getByTestId('exercise-status')).toHaveText('running');
	const tip = coastGuard.page.locator('[data-testid="inject"][data-inject-id="rifc-tipoff"]');
	await expect(tip).toContainText('RIFC');
	const tipDecision = coastGuard.page.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]');
	await expect(tipDecision).toHaveAttribute('data-status', 'open');
	await expect(tipDecision.getByTestId('countdown')).toContainText('Deadline in');

	// The revealed go-fast is on the coast guard's map, not on customs' map.
	await expect(coastGuard.page.getByTestId('exercise-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
	await expect(coastGuard.page.locator('[data-testid="map-list"] [data-entity-id="go-fast"]')).toHaveCount(1);
	await expect(customs.page.getByTestId('exercise-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
	await expect(customs.page.locator('[data-testid="map-list"] [data-entity-id="cg-cutter-1"]')).toHaveCount(1);
	await expect(customs.page.locator('[data-testid="map-list"] [data-entity-id="go-fast"]')).toHaveCount(0);

	// Coast guard decides; its score and the evaluator's view update.
	await tipDecision.locator('input[value="share-and-launch"]').check();
	await tipDecision.getByTestId('submit-decision').click();
	await expect(tipDecision).toHaveAttribute('data-status', 'decided');
	await expect(tipDecision.getByTestId('decision-result')).toContainText('Lt Baptiste');
	await expect(coastGuard.page.getByTestId('score-total')).not.toHaveText(/^0\.0 \//);

	// Controller releases the customs evidence inject early; only customs gets it, and decides.
	await c.locator('[data-testid="msel-row"][data-inject-id="customs-evidence"]').getByTestId('release').click();
	await expect(c.locator('[data-testid="msel-row"][data-inject-id="customs-evidence"]')).toHaveAttribute('data-status', 'released');
	const evidence = customs.page.locator('[data-testid="decision"][data-inject-id="customs-evidence"]');
	await expect(evidence).toHaveAttribute('data-status', 'open');
	await evidence.locator('input[value="seal-and-log"]').check();
	await evidence.getByTestId('submit-decision').click();
	await expect(evidence).toHaveAttribute('data-status', 'decided');

	// The controller writes an inject during play for customs, and skips one planned for the coast guard.
	await c.getByTestId('adhoc-from').fill('Minister of National Security');
	await c.locator('[data-testid="adhoc-to"][value="tt-customs"]').check();
	await c.getByTestId('adhoc-title').fill('Minister wants a briefing');
	await c.getByTestId('adhoc-body').fill('Call the minister back within ten minutes with what was seized.');
	await c.getByTestId('adhoc-submit').click();
	await expect(customs.page.getByTestId('inject').first()).toContainText('Minister wants a briefing');
	await expect(coastGuard.page.getByTestId('inject').filter({ hasText: 'Minister wants a briefing' })).toHaveCount(0);
	await c.locator('[data-testid="msel-row"][data-inject-id="cargo-sighting"]').getByTestId('skip').click();
	await c.getByRole('dialog', { name: 'Skip this inject?' }).getByTestId('confirm-accept').click();
	await expect(c.locator('[data-testid="msel-row"][data-inject-id="cargo-sighting"]')).toHaveAttribute('data-status', 'skipped');

	// Neither team sees the other's injects.
	await expect(customs.page.locator('[data-inject-id="rifc-tipoff"]')).toHaveCount(0);
	await expect(coastGuard.page.locator('[data-inject-id="customs-evidence"]')).toHaveCount(0);
	await expect(customs.page.getByTestId('score-row')).toHaveCount(1);

	// Evaluator and controller see both decisions and every team's scores.
	for (const w of [evaluator, controller]) {
		const timeline = w.page.getByTestId('timeline');
		await expect(timeline).toContainText('Trinidad and Tobago Coast Guard decided "Launch Cutter 1');
		await expect(timeline).toContainText('Customs and Excise Division decided "Cutter crew photograph the items');
		await expect(w.page.getByTestId('score-row')).toHaveCount(MARITIME.teams.length);
		await expect(w.page.locator('[data-testid="score-row"][data-team="tt-customs"] [data-testid="score-total"]')).not.toHaveText(/^0\.0 \//);
	}

	// Pause stops the clock for everyone.
	await c.getByTestId('pause').click();
	for (const w of all) await expect(w.page.getByTestId('exercise-status')).toHaveText('paused');
	const frozen = await coastGuard.page.getByTestId('exercise-clock').innerText();
	await coastGuard.page.waitForTimeout(1200);
	await expect(coastGuard.page.getByTestId('exercise-clock')).toHaveText(frozen);

	// The map is drawn (land and sea at least) and the page made no outside request.
	const colours = await canvasColours(coastGuard.page);
	expect(colours.width).toBeGreaterThan(100);
	expect(colours.distinct).toBeGreaterThan(3);
	await coastGuard.page.screenshot({ path: 'test-results/play-coast-guard.png' });
	await c.screenshot({ path: 'test-results/control.png', fullPage: true });
	await evaluator.page.screenshot({ path: 'test-results/review.png', fullPage: true });
	for (const w of all) {
		expect(w.outside).toEqual([]);
		expect(w.consoleErrors).toEqual([]);
	}
});
