/**
 * The team view in a live exercise: a controller and two teams in separate browser contexts. A new decision is
 * announced (tab badge, window title, live region, the due strip); it is answered from the keyboard alone and
 * focus stays with the reader; an inject passed on arrives at the other team as the inject, with who passed
 * it and their note; nothing is cut off and the accessibility scan is clean at three screen sizes; and the join
 * page knows who is signed in and takes a code from its address.
 */
import { expect, test, type Page } from './fixtures';
import { accessibilityProblems, overflowingCards } from './checks';
import { createExercise, joinTeam, newPage } from './pages';

const VIEWPORTS = [
	{ width: 1400, height: 900 },
	{ width: 1920, height: 1080 },
	{ width: 390, height: 844 }
];

/** Whether an element's box lies within the window without scrolling. */
const inView = (page: Page, testId: string) =>
	page.getByTestId(testId).evaluate((el) => {
		const box = el.getBoundingClientRect();
		return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
	});

test('a team is told of a decision, answers it by keyboard, and receives an inject passed on as the inject', async ({ browser }, testInfo) => {
	// Six axe scans and screenshots of pages drawing maps with software WebGL on a shared 2-core machine.
	test.setTimeout(480_000);
	const controller = await newPage(browser);
	const coastGuard = await newPage(browser);
	const customs = await newPage(browser);
	const c = controller.page;
	const cg = coastGuard.page;
	const cu = customs.page;

	const code = await createExercise(c, 'maritime-trafficking-southern-caribbean');
	const customsCode = await code('tt-customs');
	await joinTeam(cg, await code('tt-coast-guard'), 'Lt Baptiste');
	await joinTeam(cu, customsCode, 'Officer Ramdin');
	// Customs is busy writing a message when its decision arrives: the inbox is not in front of it.
	await cu.getByTestId('tab-messages').click();
	await expect(cu).toHaveTitle('Crosscurrent');

	await c.getByTestId('start').click();
	await expect(cu.getByTestId('exercise-status')).toHaveText('running');
	await c.locator('[data-testid="msel-row"][data-inject-id="customs-evidence"]').getByTestId('release').click();

	// Announced: the tab's count, the window title, the urgent live region and the due strip.
	await expect(cu.getByTestId('tab-inbox').getByTestId('tab-unread')).toHaveText(/^1/);
	await expect(cu).toHaveTitle('(1) New decision — Crosscurrent');
	await expect(cu.getByTestId('live-assertive')).toContainText('New decision: Parcels and a bag of handguns');
	await expect(cu.getByTestId('live-assertive')).toContainText('deadline in 15 min');
	const chip = cu.locator('[data-testid="due-decision"][data-inject-id="customs-evidence"]');
	await expect(chip).toContainText(/\d+:\d\d/);

	// Keyboard only: from the due strip to the card, an option, Submit; focus lands on the result.
	await chip.focus();
	await cu.keyboard.press('Enter');
	const card = cu.locator('[data-testid="decision"][data-inject-id="customs-evidence"]');
	await expect(card).toBeFocused();
	await expect(cu.getByTestId('tab-inbox')).toHaveAttribute('aria-selected', 'true');
	// The decision sits in its inject's card, under the inject's own text.
	const injectCard = cu.locator('[data-testid="inject"][data-inject-id="customs-evidence"]');
	await expect(injectCard).toContainText('From: Customs Preventive Branch duty officer');
	await expect(injectCard.getByTestId('decision')).toHaveCount(1);
	await cu.keyboard.press('Tab');
	await expect(card.locator('input[value="seal-and-log"]')).toBeFocused();
	await cu.keyboard.press('Space');
	await expect(card.locator('input[value="seal-and-log"]')).toBeChecked();
	await cu.keyboard.press('Tab');
	await expect(card.getByTestId('submit-decision')).toBeFocused();
	await cu.keyboard.press('Enter');
	await expect(card).toHaveAttribute('data-status', 'decided');
	await expect(card.getByTestId('decision-result')).toBeFocused();
	await expect(cu.getByTestId('live-polite')).toContainText('Decision recorded');
	await expect(cu.getByTestId('due-strip')).toHaveCount(0);
	// Seen on the inbox, it is read: the count and the title clear.
	await expect(cu.getByTestId('tab-inbox').getByTestId('tab-unread')).toHaveCount(0);
	await expect(cu).toHaveTitle('Crosscurrent');

	// The coast guard passes the tip-off on to customs, picking customs by name, with a note.
	await cg.locator('[data-testid="inject"][data-inject-id="rifc-tipoff"]').getByTestId('pass-on').click();
	await expect(cg.getByTestId('tab-messages')).toHaveAttribute('aria-selected', 'true');
	await expect(cg.getByTestId('passing-on')).toContainText('RIFC intelligence report');
	await expect(cg.getByTestId('message-to').first()).toBeFocused();
	await cg.getByRole('checkbox', { name: 'Customs and Excise Division' }).check();
	await cg.getByTestId('message-text').fill('Expect the landing party on the Paria side; keep the source protected.');
	await cg.getByTestId('message-send').click();
	await expect(cg.getByTestId('message-sent')).toContainText('Passed on “RIFC intelligence report');

	// Customs gets the inject itself, with who passed it and the note — and never an inject id.
	const passed = cu.getByTestId('passed-on');
	await expect(passed).toHaveCount(1);
	await expect(passed.getByTestId('forwarded-title')).toHaveText('RIFC intelligence report: go-fast departed Paria with drugs and firearms');
	await expect(passed).toContainText('From: RIFC duty analyst');
	await expect(passed.getByTestId('forwarded-body')).toContainText('Paria peninsula');
	await expect(passed.getByTestId('passed-by')).toHaveText('Trinidad and Tobago Coast Guard (Lt Baptiste)');
	await expect(passed.getByTestId('passed-note')).toHaveText('Expect the landing party on the Paria side; keep the source protected.');
	await expect(cu.getByTestId('live-polite')).toContainText('Trinidad and Tobago Coast Guard passed on “RIFC intelligence report');
	expect(await cu.locator('body').innerText()).not.toContain('rifc-tipoff');
	await cu.getByTestId('tab-messages').click();
	await expect(cu.getByTestId('message').first().getByTestId('forwarded-title')).toContainText('RIFC intelligence report');

	// Every size: nothing cut off, the scan clean, the coast guard's open decision in view without scrolling.
	await cu.getByTestId('tab-inbox').click();
	for (const viewport of VIEWPORTS) {
		for (const [name, page] of [
			['coast-guard', cg],
			['customs', cu]
		] as const) {
			await page.setViewportSize(viewport);
			await page.waitForTimeout(300);
			const where = `${name} at ${viewport.width}×${viewport.height}`;
			expect.soft(await overflowingCards(page), where).toEqual([]);
			expect.soft(await accessibilityProblems(page), where).toEqual([]);
			await page.screenshot({ path: testInfo.outputPath(`play-${name}-${viewport.width}x${viewport.height}.png`) });
		}
		expect.soft(await inView(cg, 'due-strip'), `due strip in view at ${viewport.width}×${viewport.height}`).toBe(true);
		expect.soft(await inView(cg, 'tab-inbox'), `inbox tab in view at ${viewport.width}×${viewport.height}`).toBe(true);
	}

	// Back on the join page: who is signed in, and the way back to the exercise.
	await cu.setViewportSize({ width: 1400, height: 900 });
	await cu.goBack();
	await expect(cu.getByTestId('signed-in-as')).toHaveText('Officer Ramdin for Customs and Excise Division');
	await expect(cu.getByTestId('join-code')).toHaveCount(0);
	expect.soft(await accessibilityProblems(cu), 'join page, signed in').toEqual([]);
	await cu.getByTestId('continue').click();
	await cu.waitForURL('**/play');
	await expect(cu.getByTestId('connection')).toHaveText('online');

	// A join sheet's link fills the code in.
	const fresh = await newPage(browser);
	await fresh.page.goto(`/?code=${encodeURIComponent(customsCode)}`);
	await expect(fresh.page.getByTestId('join-code')).toHaveValue(customsCode);

	for (const page of [controller, coastGuard, customs, fresh]) expect(page.errors).toEqual([]);
});
