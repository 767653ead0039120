/**
 * The hurricane displacement scenario in the browser: the disaster office opens its
 * reserve shelter and immigration staffs its port; at 60× the storm crosses the map,
 * boats land, people are screened and sheltered, and every screen shows the counts.
 */
import { expect, test, type Page } from './fixtures';
import { createExercise, entityOnMap, joinTeam, newPage } from './pages';

const count = async (page: Page, id: string) => Number(await page.getByTestId(id).first().innerText());

test('the displacement scenario plays in the browser: facilities, landings and counts', async ({ browser }) => {
	test.setTimeout(240_000);
	const controller = await newPage(browser);
	const nods = await newPage(browser);
	const immigration = await newPage(browser);
	const c = controller.page;

	const code = await createExercise(c, 'displacement-hurricane-dominica');
	await joinTeam(nods.page, await code('ag-nods'), 'NODS duty officer');
	await joinTeam(immigration.page, await code('ag-immigration'), 'Chief Immigration Officer');

	// Ports and shelters are on the team page's Resources tab.
	for (const page of [nods.page, immigration.page]) await page.getByTestId('tab-resources').click();
	// The disaster office opens its reserve shelter and staffs it.
	const reserve = nods.page.getByTestId('facility-shelter-ag-2');
	await expect(reserve.getByTestId('facility-toggle')).toHaveText('Open');
	await reserve.getByTestId('facility-toggle').click();
	await expect(reserve.getByTestId('facility-toggle')).toHaveText('Close');
	await reserve.getByTestId('facility-staff').fill('12');
	await reserve.getByRole('button', { name: 'Set' }).click();
	await expect(reserve.getByTestId('facility-staff')).toHaveValue('12');
	// Immigration puts ten officers, the most it has, on the St John's port (the form will not take more).
	const port = immigration.page.getByTestId('facility-port-st-johns');
	await expect(port.getByTestId('facility-staff')).toHaveAttribute('max', '10');
	await port.getByTestId('facility-staff').fill('10');
	await port.getByRole('button', { name: 'Set' }).click();
	await expect(port.getByTestId('facility-staff')).toHaveValue('10');

	await c.getByTestId('start').click();
	await c.getByTestId('speed').selectOption('60');
	// The storm crosses the map.
	const storm = () => entityOnMap(c, 'hurricane-keturah');
	const before = (await storm())!;
	await expect
		.poll(async () => Math.abs(((await storm())?.y ?? before.y) - before.y) + Math.abs(((await storm())?.x ?? before.x) - before.x))
		.toBeGreaterThan(5);

	// Boats land (the first about 55 exercise minutes in): counts rise on the controller's board and on the teams'.
	await expect.poll(() => count(c, 'count-received'), { timeout: 120_000 }).toBeGreaterThan(0);
	await expect.poll(() => count(nods.page, 'count-received'), { timeout: 30_000 }).toBeGreaterThan(0);
	await expect.poll(() => count(nods.page, 'count-sheltered'), { timeout: 60_000 }).toBeGreaterThan(0);
	await expect(c.getByText(/landed \d+ people at/).first()).toBeVisible();
	for (const page of [controller, nods, immigration]) expect(page.errors).toEqual([]);
});
