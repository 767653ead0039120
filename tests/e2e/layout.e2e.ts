/**
 * No card cuts off its content: on the control room, a team's page and the review page, at a laptop's 1400×900
 * and a phone's 390×844, every card (`.panel`, decision cards) is as wide as what it holds and fits inside the
 * box that clips it. Both bundled kinds of scenario: the displacement one brings the wide displaced-people board.
 */
import { expect, test } from './fixtures';
import { accessibilityProblems, overflowingCards } from './checks';
import { createExercise, exerciseIdOf, joinTeam, newPage } from './pages';

/**
 * Every run saves a screenshot of each page at each size into test-results/ (not committed), to look at;
 * `E2E_SCREENSHOTS=full` makes them full-page (slower: with software WebGL each one costs seconds of both cores).
 */
const FULL_PAGE = process.env.E2E_SCREENSHOTS === 'full';

const VIEWPORTS = [
	{ width: 1920, height: 1080 },
	{ width: 1400, height: 900 },
	{ width: 390, height: 844 }
];

for (const { scenario, team } of [
	{ scenario: 'maritime-trafficking-southern-caribbean', team: 'tt-coast-guard' },
	{ scenario: 'displacement-hurricane-dominica', team: 'ag-nods' }
]) {
	test(`no card cuts off its content: ${scenario}`, async ({ browser }, testInfo) => {
		// Four live pages with maps, three sizes, an axe scan and a screenshot each: minutes on 2 cores with software WebGL.
		test.setTimeout(480_000);
		const controller = await newPage(browser);
		const member = await newPage(browser);
		const observer = await newPage(browser);
		const c = controller.page;
		const code = await createExercise(c, scenario);
		await joinTeam(member.page, await code(team), 'Duty officer');
		await observer.page.goto('/');
		await observer.page.getByTestId('join-code').fill(await c.getByTestId('observer-code').first().innerText());
		await observer.page.getByTestId('join-name').fill('Press officer');
		await observer.page.getByTestId('join-submit').click();
		await observer.page.waitForURL('**/observe');
		// The controller's own review page, in the same browser profile (the session is shared).
		const review = await c.context().newPage();
		await review.goto(`/review/${exerciseIdOf(c)}`);
		await expect(review.getByTestId('connection')).toHaveText('online');

		// Started, so that decisions, scores and the displacement figures are on every screen.
		await c.getByTestId('start').click();
		await expect(member.page.getByTestId('exercise-status')).toHaveText('running');
		await expect(c.getByTestId('score-row').first()).toBeVisible();
		if (scenario.startsWith('displacement')) {
			await member.page.getByTestId('tab-resources').click();
			await expect(member.page.getByTestId('displacement-board')).toBeVisible();
		} else await expect(member.page.getByTestId('decision').first()).toBeVisible();

		for (const viewport of VIEWPORTS) {
			for (const [name, page] of [
				['control', c],
				['play', member.page],
				['review', review],
				['observe', observer.page]
			] as const) {
				await page.setViewportSize(viewport);
				// Let the layout settle (the map resizes its canvas on the next frame).
				await page.waitForTimeout(300);
				expect.soft(await overflowingCards(page), `${name} at ${viewport.width}×${viewport.height}`).toEqual([]);
				expect.soft(await accessibilityProblems(page), `${name} at ${viewport.width}×${viewport.height}`).toEqual([]);
				await page.screenshot({ path: testInfo.outputPath(`${name}-${viewport.width}x${viewport.height}.png`), fullPage: FULL_PAGE });
				// The team's side panel scrolls on its own, out of reach of a full-page screenshot: the board, for a look.
				if (name === 'play' && scenario.startsWith('displacement'))
					await page.getByTestId('displacement-board').screenshot({ path: testInfo.outputPath(`play-board-${viewport.width}x${viewport.height}.png`) });
			}
		}
		for (const page of [controller, member, observer]) expect(page.errors).toEqual([]);
	});
}

test('the join page and the exercise list fit every screen and pass the accessibility scan', async ({ browser }, testInfo) => {
	const controller = await newPage(browser);
	const c = controller.page;
	await c.goto('/');
	await expect(c.getByTestId('join-code')).toBeVisible();
	const look = async (name: string) => {
		for (const viewport of VIEWPORTS) {
			await c.setViewportSize(viewport);
			await c.waitForTimeout(100);
			expect.soft(await overflowingCards(c), `${name} at ${viewport.width}×${viewport.height}`).toEqual([]);
			expect.soft(await accessibilityProblems(c), `${name} at ${viewport.width}×${viewport.height}`).toEqual([]);
			await c.screenshot({ path: testInfo.outputPath(`${name}-${viewport.width}x${viewport.height}.png`), fullPage: FULL_PAGE });
		}
	};
	await look('join');
	await createExercise(c, 'maritime-trafficking-southern-caribbean');
	await c.getByTestId('back').click();
	await c.waitForURL('**/control');
	await expect(c.getByTestId('exercise-row').first()).toBeVisible();
	await look('exercise-list');
	expect(controller.errors).toEqual([]);
});
