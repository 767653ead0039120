/**
 * The studio as a planner who has never seen YAML builds their own exercise, with the mouse and the keyboard only:
 * a blank scenario, two teams and two objectives, a patrol vessel and a suspect vessel placed and routed on the map,
 * four injects (one with a decision, one released by that decision's option), the checker's problems fixed from
 * the problems list, a dry run, the scenario saved as ready, an exercise created from it, and a team that plays it
 * to the end. Every studio view is scanned with axe on the way.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';
import { accessibilityProblems, overflowingCards } from './checks';
import { newPage } from './pages';

test.setTimeout(240_000);

async function signInToStudio(page: Page, name: string) {
	await page.goto('/');
	await page.locator('input[name="controller-name"]').fill(name);
	await page.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await page.getByTestId('controller-submit').click();
	await page.waitForURL('**/control');
	await page.getByTestId('to-studio').click();
	await page.waitForURL('**/studio');
}

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

test('a planner builds their own exercise from a blank scenario: overview, teams, objectives, vessels placed and routed on the map', async ({ browser }) => {
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

	console.log(`planner: map done after ${Math.round((Date.now() - started) / 1000)} s`);
	expect(planner.errors).toEqual([]);
});
