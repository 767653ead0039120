/**
 * The studio as a planner who has never seen YAML builds their own exercise, with the mouse and the keyboard only:
 * a blank scenario, two teams and two objectives, a patrol vessel and a suspect vessel placed and routed on the map,
 * four injects (one with a decision, one released by that decision's option), the checker's problems fixed from
 * the problems list, a dry run, the scenario saved as ready, an exercise created from it, and a team that plays it
 * to the end. Every studio view is scanned with axe on the way.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { accessibilityProblems, overflowingCards } from './checks';
import { joinTeam, newPage, signInToStudio } from './pages';

test.setTimeout(240_000);

/** The page has nothing axe calls serious or critical, and no card spills out of its panel. */
async function looksRight(page: Page) {
	expect(await accessibilityProblems(page)).toEqual([]);
	expect(await overflowingCards(page)).toEqual([]);
}

/** Clicks the studio map `dx`, `dy` pixels from its centre (the map opens where the overview says). */
async function clickMap(map: Locator, dx: number, dy: number) {
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
}

const view = (page: Page, name: string) => page.getByTestId(`view-${name}`).click();

test('a planner builds, checks, dry-runs and launches their own exercise, and a team plays it to the end', async ({ browser }) => {
	const started = Date.now();
	const planner = await newPage(browser);
	const page = planner.page;
	await page.setViewportSize({ width: 1400, height: 900 });
	await signInToStudio(page, 'Dana Planner');

	// A blank scenario: its problems are the planner's to-do list.
	await page.getByTestId('new-title').fill('Night run to Carriacou');
	await page.getByTestId('create-blank').click();
	await page.waitForURL(/\/studio\/night-run-to-carriacou/);
	await expect(page.getByTestId('problem').first()).toBeVisible();

	// Overview: what it is about, how long it runs, where the map opens (south-west of Grenada, at sea).
	await page.getByLabel('Summary').fill('A go-fast runs from the Paria peninsula towards Carriacou at night; the coast guard must find and stop it.');
	await page.getByLabel('Length (minutes)').fill('40');
	await page.getByLabel('Longitude').fill('-62.05');
	await page.getByLabel('Latitude').fill('11.9');
	await page.getByLabel('Zoom').fill('8');
	await looksRight(page);

	// Teams and objectives.
	await view(page, 'teams');
	for (const team of ['Grenada Coast Guard', 'Trinidad and Tobago Coast Guard']) {
		await page.getByTestId('new-team').fill(team);
		await page.getByTestId('new-team').press('Enter');
	}
	await expect(page.getByTestId('team-row')).toHaveCount(2);
	await page.getByTestId('team-row').nth(0).getByLabel('State').selectOption('Grenada');
	await page.getByTestId('team-row').nth(1).getByLabel('State').selectOption('Trinidad and Tobago');
	for (const objective of ['Share the tip-off in time', 'Stop the go-fast lawfully']) {
		await page.getByTestId('new-objective').fill(objective);
		await page.getByTestId('add-objective').click();
	}
	await expect(page.getByTestId('objective-row')).toHaveCount(2);
	await looksRight(page);

	// The map: a patrol vessel of the Grenada Coast Guard, placed by a click and routed point by point.
	await view(page, 'map');
	const map = page.getByTestId('studio-map');
	await expect(map).toBeVisible();
	await page.getByTestId('add-entity').click();
	await page.getByTestId('new-entity-name').fill('Patrol boat Kestrel');
	await page.getByTestId('new-entity-kind').selectOption('vessel');
	await page.getByTestId('new-entity-category').selectOption('law-enforcement');
	await page.getByTestId('place-entity').click();
	await expect(page.getByTestId('map-mode')).toContainText(/click/i);
	await clickMap(map, 40, -60);
	const form = page.getByTestId('entity-form');
	await expect(form).toBeVisible();
	await form.getByLabel('Team').selectOption({ label: 'Grenada Coast Guard' });
	await form.getByLabel('Top speed (kn)').fill('28');
	await form.getByLabel(/^Sensor range/).fill('10');
	await form.getByTestId('draw-track').click();
	await clickMap(map, -40, 0);
	await clickMap(map, -80, 60);
	await page.getByTestId('finish-drawing').click();
	await expect(page.getByTestId('track-point')).toHaveCount(3);
	await expect(page.getByTestId('leg-warnings')).toContainText('No leg is too fast or over land');

	// The suspect: a go-fast coming up from the south, hidden until an inject reveals it.
	await page.getByTestId('add-entity').click();
	await page.getByTestId('new-entity-name').fill('Go-fast');
	await page.getByTestId('new-entity-kind').selectOption('vessel');
	await page.getByTestId('new-entity-category').selectOption('suspect');
	await page.getByTestId('place-entity').click();
	await clickMap(map, -120, 200);
	await form.getByLabel('Top speed (kn)').fill('40');
	await form.getByTestId('draw-track').click();
	await clickMap(map, -100, 100);
	await clickMap(map, -60, -100);
	await page.getByTestId('finish-drawing').click();
	await expect(page.getByTestId('track-point')).toHaveCount(3);
	// A point's minute typed too early for its leg: the leg is too fast for a 40-kn boat, and it says so.
	const second = page.getByTestId('track-point').nth(1);
	const minuteWas = await second.getByLabel('Minute').inputValue();
	await second.getByLabel('Minute').fill('1');
	await expect(page.getByTestId('leg-warnings')).toContainText(/kn/);
	await second.getByLabel('Minute').fill(minuteWas);
	await expect(page.getByTestId('leg-warnings')).toContainText('No leg is too fast or over land');
	await expect(page.getByTestId('entity-row')).toHaveCount(2);
	await looksRight(page);
	// Where teams' maps open: zoomed out a step to take in the whole chase, then "Use this view".
	await page.getByRole('button', { name: 'Zoom out' }).click();
	await page.waitForTimeout(700);
	await page.getByTestId('use-this-view').click();

	// The checker says both tracks run past the end of a 40-minute exercise; the problem jumps to the field.
	const late = page
		.locator('li', { has: page.getByTestId('problem') })
		.filter({ hasText: 'Patrol boat Kestrel' })
		.filter({ hasText: 'point 3' });
	await expect(late).toContainText('After the scenario ends');
	await late.getByTestId('problem').click();
	await expect(page.getByTestId('track-point').nth(2).getByLabel('Minute')).toBeFocused();
	// The planner gives the exercise the time its vessels need instead.
	await view(page, 'overview');
	await page.getByLabel('Length (minutes)').fill('90');
	await expect(page.getByLabel('Zoom')).toHaveValue(/^7(\.\d)?$/);
	await expect(page.getByTestId('problem').filter({ hasText: 'point 3' })).toHaveCount(0);

	// The MSEL: four injects, added in the table and written in the inject form.
	await view(page, 'msel');
	async function addInject(fill: (form: Locator) => Promise<void>) {
		await page.getByTestId('msel-add').click();
		const form = page.getByTestId('inject-dialog').getByTestId('inject-form');
		await expect(form).toBeVisible();
		await fill(form);
		await form.getByTestId('close-inject').click();
		await expect(page.getByTestId('inject-dialog')).toBeHidden();
	}
	const to = async (form: Locator, ...teams: string[]) => {
		for (const team of ['Grenada Coast Guard', 'Trinidad and Tobago Coast Guard']) {
			const box = form.getByTestId('inject-to').getByLabel(team, { exact: true });
			if (teams.includes(team)) await box.check();
			else await box.uncheck();
		}
	};
	await addInject(async (form) => {
		await form.getByLabel('Minute of the exercise').fill('0');
		await form.getByLabel('Channel').selectOption({ label: 'Intel report' });
		await form.getByLabel('From', { exact: true }).fill('Regional Intelligence Fusion Centre');
		await to(form, 'Grenada Coast Guard', 'Trinidad and Tobago Coast Guard');
		await form.getByLabel('Title', { exact: true }).fill('Tip-off: go-fast leaving Paria');
		await form.getByLabel('Text', { exact: true }).fill('A source reports a grey go-fast with three men aboard leaving the Paria peninsula, heading north.');
		await form.getByTestId('inject-objectives').getByLabel('Share the tip-off in time').check();
	});
	await addInject(async (form) => {
		await form.getByLabel('Minute of the exercise').fill('5');
		await form.getByLabel('Channel').selectOption({ label: 'Radio' });
		await form.getByLabel('From', { exact: true }).fill('Duty officer, Grenada Coast Guard base');
		await to(form, 'Grenada Coast Guard');
		await form.getByLabel('Title', { exact: true }).fill('Launch the patrol boat?');
		await form.getByLabel('Text', { exact: true }).fill('Kestrel is alongside with a full crew. Do we launch now or wait for a sighting?');
		await form.getByTestId('inject-objectives').getByLabel('Stop the go-fast lawfully').check();
		// The decision: answers as rows, objectives as columns, the best and worst score shown as they are typed.
		await form.getByTestId('add-decision').click();
		await form.getByLabel('Question to the teams').fill('Launch Kestrel now?');
		await form.getByLabel('Answer expected within (minutes)').fill('5');
		await form.getByLabel('Deadline (minutes)').fill('10');
		await form.getByLabel('Answer 1', { exact: true }).fill('Launch Kestrel now');
		await form.getByLabel('Points on Stop the go-fast lawfully for answer 1').fill('8');
		await form.getByLabel('Points on Share the tip-off in time for answer 1').fill('2');
		await form.getByLabel('Answer 2', { exact: true }).fill('Wait for a sighting');
		await form.getByLabel('Points on Stop the go-fast lawfully for answer 2').fill('-3');
		await expect(form.getByTestId('preview-best')).toContainText('10');
		await expect(form.getByTestId('preview-worst')).toContainText('-3');
		await looksRight(page);
	});
	await addInject(async (form) => {
		// Released by the decision's first answer, two minutes after it: everything picked, nothing typed as an id.
		await form.getByTestId('timing-trigger').check();
		await form.getByTestId('trigger-kind').selectOption({ label: 'A decision is answered' });
		await form.getByTestId('trigger-decision').selectOption({ label: '2. Launch the patrol boat?' });
		await form.getByTestId('trigger-option').selectOption({ label: 'Launch Kestrel now' });
		await form.getByLabel('Minutes after it happens').fill('2');
		await form.getByLabel('Channel').selectOption({ label: 'Radio' });
		await form.getByLabel('From', { exact: true }).fill('Kestrel');
		await to(form, 'Grenada Coast Guard');
		await form.getByLabel('Title', { exact: true }).fill('Kestrel under way');
		await form.getByLabel('Text', { exact: true }).fill('Kestrel clear of the harbour, heading south-west at 28 knots.');
	});
	await addInject(async (form) => {
		await form.getByLabel('Minute of the exercise').fill('20');
		await form.getByLabel('Channel').selectOption({ label: 'Media' });
		await form.getByLabel('From', { exact: true }).fill('Grenada Broadcasting Network');
		await to(form, 'Grenada Coast Guard', 'Trinidad and Tobago Coast Guard');
		await form.getByLabel('Title', { exact: true }).fill('Reporter asks about a night operation');
		await form.getByLabel('Text', { exact: true }).fill('A reporter has heard engines off Point Salines and asks what is going on.');
	});
	await expect(page.getByTestId('msel-row')).toHaveCount(4);
	await looksRight(page);

	// The timeline shows the branch: the triggered inject hangs from the decision's answer.
	await view(page, 'timeline');
	await expect(page.getByTestId('studio-view')).toContainText('Kestrel under way');
	await looksRight(page);

	// Every problem fixed: the scenario passes every check.
	await expect(page.getByTestId('studio-no-problems')).toBeVisible();

	// Dry run along the best answers, then with no answers at all.
	await view(page, 'run');
	await page.getByTestId('dry-run-start').click();
	await expect(page.getByTestId('dry-run-summary')).toContainText('4 injects fired');
	await expect(page.getByTestId('dry-run-fired')).toContainText('Kestrel under way');
	await looksRight(page);
	await page.getByTestId('dry-run-path-none').check();
	await page.getByTestId('dry-run-start').click();
	await expect(page.getByTestId('dry-run-expired')).toContainText('Launch the patrol boat?');
	await expect(page.getByTestId('dry-run-never')).toContainText('Kestrel under way');

	// Saved as ready: version 2, which exercises can be created from.
	await page.getByTestId('studio-note').fill('First complete draft');
	await page.getByTestId('studio-save-ready').click();
	await expect(page.getByTestId('studio-version')).toContainText('Version 2');
	await view(page, 'history');
	await expect(page.getByTestId('history-row')).toHaveCount(2);
	await looksRight(page);
	const built = Math.round((Date.now() - started) / 1000);

	// The exercise: created from version 2 in the control room, played by the Grenada Coast Guard to the end.
	await page.getByRole('button', { name: 'All scenarios' }).click();
	await page.waitForURL('**/studio');
	await page.getByRole('link', { name: 'Control room', exact: true }).click();
	await page.waitForURL('**/control');
	const card = page.locator('[data-scenario-id="night-run-to-carriacou"]');
	await expect(card.getByTestId('scenario-version')).toHaveText('Version 2');
	await card.getByTestId('create-exercise').click();
	await page.waitForURL(/\/control\/[a-z0-9-]+$/);
	const code = await page.locator('[data-testid="team-code"][data-team="grenada-coast-guard"]').innerText();
	const team = await newPage(browser);
	await team.page.setViewportSize({ width: 390, height: 844 });
	await joinTeam(team.page, code, 'Cpl Joseph');
	await expect(team.page.getByTestId('team-name')).toHaveText('Grenada Coast Guard');
	await page.getByTestId('speed').selectOption('30');
	await page.getByTestId('start').click();
	await expect(team.page.locator('[data-testid="inject"]').filter({ hasText: 'Tip-off: go-fast leaving Paria' })).toBeVisible();
	const decision = team.page.getByTestId('decision').filter({ hasText: 'Launch Kestrel now?' });
	await expect(decision).toHaveAttribute('data-status', 'open', { timeout: 60_000 });
	await decision.getByLabel('Launch Kestrel now').check();
	await decision.getByTestId('submit-decision').click();
	await expect(decision).toHaveAttribute('data-status', 'decided');
	await expect(team.page.locator('[data-testid="inject"]').filter({ hasText: 'Kestrel under way' })).toBeVisible({ timeout: 60_000 });
	await expect(team.page.locator('[data-testid="inject"]').filter({ hasText: 'Reporter asks about a night operation' })).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('end').click();
	await page.getByRole('button', { name: 'End exercise' }).click();
	await expect(team.page.getByTestId('exercise-status')).toHaveText('ended');
	await expect(team.page.getByTestId('score-total')).not.toHaveText(/^0\.0 \//);

	console.log(`planner: built the scenario in ${built} s; launched and played to the end after ${Math.round((Date.now() - started) / 1000)} s`);
	expect(planner.errors).toEqual([]);
	expect(team.errors).toEqual([]);
});
