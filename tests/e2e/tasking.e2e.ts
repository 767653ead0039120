/**
 * A participant tasks an asset by clicking the map: picks the patrol boat on the
 * map, sends it to a point, then orders an intercept by clicking the yacht; the
 * boat moves, the intercept happens, and the triggered inject reaches both teams.
 * (Scenario: tests/fixtures/scenarios/tasking-drill.yaml.)
 */
import { expect, test, type Page } from './fixtures';
import { createExercise, entityOnMap, joinTeam, newPage } from './pages';

/** The screen point of an entity's symbol on the map. */
async function entityPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
	return (await entityOnMap(page, id))!;
}

test('a participant tasks an asset on the map and sees it move and intercept', async ({ browser }) => {
	// About half a minute of it is the boats closing at 60× exercise speed.
	test.setTimeout(600_000);
	const controller = await newPage(browser);
	const cg = await newPage(browser);
	const grenada = await newPage(browser);
	const c = controller.page;

	const code = await createExercise(c, 'tasking-drill');

	for (const [page, team, name] of [
		[cg.page, 'coast-guard', 'Lt Baptiste'],
		[grenada.page, 'grenada', 'Sgt Charles']
	] as const) {
		await joinTeam(page, await code(team), name);
		// Software WebGL on a busy CI machine can take a while to draw the first map.
		await expect(page.getByTestId('exercise-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
	}
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
	await expect(p.getByTestId('intercept-achieved')).toContainText('Intercepted Suspect yacht', { timeout: 120_000 });
	await expect(p.getByTestId('intercept-achieved')).toContainText('outside any territorial sea');
	// Picking the boat on the map opened the coast guard's Resources tab; the inject arrives in the Inbox tab.
	await p.getByTestId('tab-inbox').click();
	for (const page of [p, grenada.page]) await expect(page.getByTestId('inject-feed').getByText('Yacht stopped', { exact: true })).toBeVisible();
	const stopped = await entityPoint(p, 'yacht');
	await p.waitForTimeout(1500);
	const later = await entityPoint(p, 'yacht');
	expect(Math.hypot(later.x - stopped.x, later.y - stopped.y)).toBeLessThan(2);

	// The controller's timeline records the order and the intercept.
	await expect(c.getByText(/ordered Patrol boat to intercept Suspect yacht/)).toBeVisible();
	for (const page of [controller, cg, grenada]) expect(page.errors).toEqual([]);
});
