/**
 * A participant tasks an asset by clicking the map: picks the patrol boat on the
 * map, sends it to a point, then orders an intercept by clicking the yacht; the
 * boat moves, the intercept happens, and the triggered inject reaches both teams.
 * (Scenario: tests/fixtures/scenarios/tasking-drill.yaml.)
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';

async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
	const page = await (await browser.newContext()).newPage();
	const errors: string[] = [];
	page.on('pageerror', (err) => errors.push(err.message));
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	return { page, errors };
}

async function join(page: Page, code: string, name: string) {
	await page.goto('/');
	await page.getByTestId('join-code').fill(code);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	await page.waitForURL('**/play');
	await expect(page.getByTestId('connection')).toHaveText('online');
	await expect(page.getByTestId('exercise-map')).toHaveAttribute('data-map-ready', 'true');
}

/** The screen point of an entity's circle: its label sits 9 px to the right of it, vertically centred. */
async function entityPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
	const box = (await page.locator(`.map-label[data-entity-id="${id}"]`).boundingBox())!;
	return { x: box.x - 9, y: box.y + box.height / 2 };
}

test('a participant tasks an asset on the map and sees it move and intercept', async ({ browser }) => {
	const controller = await newPage(browser);
	const cg = await newPage(browser);
	const grenada = await newPage(browser);
	const c = controller.page;

	await c.goto('/');
	await c.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await c.getByTestId('controller-submit').click();
	await c.waitForURL('**/control');
	await c.locator('[data-scenario-id="tasking-drill"]').getByTestId('create-exercise').click();
	await expect(c.getByTestId('exercise-status')).toHaveText('setup');
	const cgCode = await c.locator('[data-testid="team-code"][data-team="coast-guard"]').innerText();
	const grenadaCode = await c.locator('[data-testid="team-code"][data-team="grenada"]').innerText();

	await join(cg.page, cgCode, 'Lt Baptiste');
	await join(grenada.page, grenadaCode, 'Sgt Charles');
	await c.getByTestId('start').click();
	await expect(c.getByTestId('exercise-status')).toHaveText('running');

	const p = cg.page;
	const seenByGrenada = await entityPoint(grenada.page, 'patrol-boat');
	// Pick the patrol boat by clicking its symbol on the map.
	const boat = await entityPoint(p, 'patrol-boat');
	await p.mouse.click(boat.x, boat.y);
	await expect(p.getByTestId('asset-patrol-boat')).toHaveAttribute('aria-pressed', 'true');
	await expect(p.getByTestId('asset-order')).toHaveText('on its planned movements');

	// "Go to…" then click open sea north-east of the boat.
	await p.getByTestId('order-goto').click();
	await expect(p.getByTestId('task-hint')).toContainText('Click the map');
	await p.mouse.click(boat.x + 120, boat.y - 80);
	await expect(p.getByTestId('asset-order')).toContainText('proceeding to');
	await expect(p.getByTestId('asset-order')).toContainText('35 kn');
	// Everyone sees it move: the controller speeds the clock up and the boat's symbol leaves its place.
	await c.getByTestId('speed').selectOption('60');
	const movedFrom = (page: Page, from: { x: number; y: number }) => async () => {
		const now = await entityPoint(page, 'patrol-boat');
		return Math.hypot(now.x - from.x, now.y - from.y);
	};
	await expect.poll(movedFrom(p, boat)).toBeGreaterThan(8);
	await expect.poll(movedFrom(grenada.page, seenByGrenada)).toBeGreaterThan(8);

	// "Intercept…" then click the yacht on the map.
	await p.getByTestId('order-intercept').click();
	const yacht = await entityPoint(p, 'yacht');
	await p.mouse.click(yacht.x, yacht.y);
	await expect(p.getByTestId('intercept-assessment')).toContainText('Intercept possible Suspect yacht');
	await expect(p.getByTestId('asset-order')).toContainText('intercepting Suspect yacht');

	// The intercept happens, the yacht stops, and the triggered inject reaches both teams.
	await expect(p.getByTestId('intercept-achieved')).toContainText('Intercepted Suspect yacht', { timeout: 60_000 });
	await expect(p.getByTestId('intercept-achieved')).toContainText('outside any territorial sea');
	for (const page of [p, grenada.page]) await expect(page.getByTestId('inject-feed').getByText('Yacht stopped', { exact: true })).toBeVisible();
	const stopped = await entityPoint(p, 'yacht');
	await p.waitForTimeout(1500);
	const later = await entityPoint(p, 'yacht');
	expect(Math.hypot(later.x - stopped.x, later.y - stopped.y)).toBeLessThan(2);

	// The controller's timeline records the order and the intercept.
	await expect(c.getByText(/ordered Patrol boat to intercept Suspect yacht/)).toBeVisible();
	for (const page of [controller, cg, grenada]) expect(page.errors).toEqual([]);
});
