/**
 * "Let each team see its own review", end to end: after a short run at 60× the controller ends the exercise,
 * adjusts one team's score and ticks the box; each team page (one on a phone) shows its own review — its own
 * name and score, nothing of the other team's — in words, without reloading its log in a loop (the first round's
 * pages asked for it 61 times in 10 s, hit the rate limit and showed raw team ids).
 */
import { expect, test, type Page } from './fixtures';
import { createExercise, joinTeam, newPage, type Watched } from './pages';

const CG = { id: 'tt-coast-guard', name: 'Trinidad and Tobago Coast Guard' };
const CUSTOMS = { id: 'tt-customs', name: 'Customs and Excise Division' };
/** Ids a reader must never see: the scenario's team and objective ids. */
const RAW_IDS = ['tt-coast-guard', 'tt-customs', 'grenada-police', 'tt-police', 'rss-air-wing', 'grenada-dpp', 'detect-and-share'];
/** The adjustment's reason, kept in the coast guard's review only. */
const REASON = 'Passed the tip-off on to customs at once';
/** How long after the tick the traffic is watched. */
const WATCH_MS = 10_000;

interface Traffic {
	/** When each `exercise:open` (the request for the team's whole log) left the page, in ms since the epoch. */
	opens: number[];
	/** When each HTTP request left the page. */
	requests: { at: number; url: string }[];
}

/** Watches what a page sends: socket.io frames (`42<ack>["exercise:open",…]`) and HTTP requests. Before the page opens. */
function watchTraffic(page: Page): Traffic {
	const traffic: Traffic = { opens: [], requests: [] };
	page.on('websocket', (ws) =>
		ws.on('framesent', ({ payload }) => {
			if (typeof payload === 'string' && /^42\d*\["exercise:open"/.test(payload)) traffic.opens.push(Date.now());
		})
	);
	page.on('request', (r) => traffic.requests.push({ at: Date.now(), url: new URL(r.url()).pathname }));
	return traffic;
}

const since = (times: number[], from: number) => times.filter((t) => t >= from && t <= from + WATCH_MS).length;

test('each team sees its own review once the controller shares it, and its page does not reload in a loop', async ({ browser }) => {
	test.setTimeout(360_000);
	const controller = await newPage(browser);
	const cg = await newPage(browser);
	const customs = await newPage(browser);
	await customs.page.setViewportSize({ width: 390, height: 844 });
	const c = controller.page;
	const traffic = new Map<Watched, Traffic>([
		[cg, watchTraffic(cg.page)],
		[customs, watchTraffic(customs.page)]
	]);

	const code = await createExercise(c, 'maritime-trafficking-southern-caribbean');
	await joinTeam(cg.page, await code(CG.id), 'Lt Baptiste');
	await joinTeam(customs.page, await code(CUSTOMS.id), 'Officer Ramdial');

	// A little play at 60×, then ENDEX.
	await c.getByTestId('start').click();
	await c.getByTestId('speed').selectOption('60');
	await expect(c.getByTestId('exercise-clock')).not.toHaveText(/^00:0[0-2]:/, { timeout: 30_000 });
	await c.getByTestId('end').click();
	await c.getByRole('dialog', { name: 'End the exercise?' }).getByTestId('confirm-accept').click();
	for (const w of [controller, cg, customs]) await expect(w.page.getByTestId('exercise-status')).toHaveText('ended');

	// The controller credits the coast guard, then opens each team's review to it.
	await c.getByTestId('adjust-team').selectOption(CG.id);
	await c.getByTestId('adjust-objective').selectOption({ index: 1 });
	await c.getByTestId('adjust-points').fill('5');
	await c.getByTestId('adjust-reason').fill(REASON);
	await c.getByTestId('adjust-submit').click();
	await expect(c.getByTestId('adjust-reason')).toHaveValue('');
	for (const w of [cg, customs]) await w.page.getByTestId('tab-score').click();
	const share = c.getByTestId('share-review');
	await expect(share).not.toBeChecked();
	const ticked = Date.now();
	await share.check();
	await expect(share).toBeChecked();

	for (const [w, own, other] of [
		[cg, CG, CUSTOMS],
		[customs, CUSTOMS, CG]
	] as const) {
		const page = w.page;
		const panel = page.locator('#panel-score');
		await expect(panel.getByTestId('team-review')).toBeVisible();
		await expect(page.getByRole('tab', { name: 'Score and review' })).toBeVisible();
		// Its own name and score, and only its own.
		await expect(page.getByTestId('team-name')).toHaveText(own.name);
		await expect(panel.getByTestId('score-row')).toHaveCount(1);
		await expect(panel.getByTestId('score-row')).toHaveAttribute('data-team', own.id);
		await expect(panel.getByTestId('score-total')).toHaveText(/^\d+\.\d \/ \d+$/);
		await expect(panel).not.toContainText(other.name);
		if (own === CG) await expect(panel.getByTestId('team-review')).toContainText(REASON);
		else await expect(panel).not.toContainText(REASON);
		// In words: no raw ids, not refused, not back to setup.
		const text = await page.locator('body').innerText();
		for (const id of RAW_IDS) expect(text, `${own.name}'s page shows "${id}"`).not.toContain(id);
		expect(text).not.toMatch(/refused/i);
		await expect(page.getByTestId('exercise-status')).toHaveText('ended');
		await expect(page.getByTestId('connection')).toHaveText('online');
	}

	// Ten seconds after the tick, count what each team page sent.
	await c.waitForTimeout(Math.max(0, ticked + WATCH_MS - Date.now()));
	for (const [w, t] of traffic) {
		const opens = since(t.opens, ticked);
		const requests = t.requests.filter((r) => r.at >= ticked && r.at <= ticked + WATCH_MS);
		test.info().annotations.push({ type: 'traffic', description: `${opens} log fetches, ${requests.length} HTTP requests in 10 s after the tick` });
		// The page fetches its log again once, when the review opens (it was 61 times in the first round).
		expect(opens, 'log fetches in the 10 s after the tick').toBeLessThanOrEqual(2);
		expect(opens, 'log fetches in the 10 s after the tick').toBeGreaterThanOrEqual(1);
		expect(requests.length, requests.map((r) => r.url).join(', ')).toBeLessThanOrEqual(5);
		await expect(w.page.getByTestId('team-review')).toBeVisible();
	}
	for (const w of [controller, cg, customs]) expect(w.errors).toEqual([]);
});
