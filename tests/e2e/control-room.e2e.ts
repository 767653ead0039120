/**
 * The control room on one screen: at 1920×1080 and 1400×900 the bar and the team board stay in view while the MSEL
 * scrolls inside its panel, nothing is cut off and axe finds nothing serious; a team's message to exercise control
 * shows in the queue with a badge and is answered with an inject; a bad ad-hoc inject is refused beside its field;
 * at 60× the short-deadline warning shows and the five-minute drill's end brings the ENDEX prompt; the join sheet
 * lists every code with a QR code; End asks in the page first, and Escape or Cancel leaves play running. Screenshots land
 * in test-results/ (not committed).
 */
import { expect, test, type Page } from './fixtures';
import { accessibilityProblems, overflowingCards } from './checks';
import { createExercise, exerciseIdOf, newPage } from './pages';
import { teamSeat } from './team-seat';

const SCENARIO = 'control-room-drill';

async function inViewport(page: Page, testId: string) {
	const box = await page.getByTestId(testId).first().boundingBox();
	const viewport = page.viewportSize()!;
	expect(box, `${testId} is drawn`).not.toBeNull();
	expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
	expect(box!.y + Math.min(box!.height, 80), `${testId} top part`).toBeLessThanOrEqual(viewport.height);
	expect(box!.x + box!.width, `${testId} right edge`).toBeLessThanOrEqual(viewport.width + 1);
}

test('the control room fits one screen and runs the exercise from it', async ({ browser }, testInfo) => {
	test.setTimeout(150_000);
	const controller = await newPage(browser);
	const c = controller.page;
	await c.setViewportSize({ width: 1920, height: 1080 });
	const code = await createExercise(c, SCENARIO);
	const exerciseId = exerciseIdOf(c);
	const seat = await teamSeat(new URL(c.url()).origin, await code('coast-guard'), 'Lt Baptiste');
	try {
		// The exercise list names the run: the default title is the scenario's with a number.
		await expect(c.locator('.topbar .title')).toHaveText(/Control room drill — five minutes · run \d+/);
		const board = c.locator('[data-testid="team-card"][data-team="coast-guard"]');
		await expect(board.getByTestId('team-online')).toContainText('Lt Baptiste');
		await expect(c.locator('[data-testid="team-card"][data-team="customs"]').getByTestId('team-online')).toContainText('Nobody connected');

		await c.getByTestId('start').click();
		await expect(c.getByTestId('exercise-status')).toHaveText('running');
		await expect(board.getByTestId('team-decision')).toContainText('Suspect vessel reported');

		// A team writes to exercise control: the bar's badge counts it, the queue shows its whole text, the board its wait.
		await seat.toControl('Can RIFC confirm the hull colour of the fast boat before we launch?');
		await expect(c.getByTestId('inbox-count')).toHaveText('1');
		const message = c.locator('[data-testid="control-message"][data-answered="false"]');
		await expect(message).toContainText('Can RIFC confirm the hull colour of the fast boat before we launch?');
		await expect(board.getByTestId('team-waiting')).toContainText('1 message to control waiting');

		for (const viewport of [
			{ width: 1920, height: 1080 },
			{ width: 1400, height: 900 }
		]) {
			const name = `${viewport.width}x${viewport.height}`;
			await c.setViewportSize(viewport);
			await c.waitForTimeout(300);
			// The page itself does not scroll; the MSEL scrolls inside its panel and the bar and the board stay.
			expect(await c.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1), `page height at ${name}`).toBe(true);
			const scrolled = await c.getByTestId('msel-scroll').evaluate((el) => {
				el.scrollTop = el.scrollHeight;
				return el.scrollTop;
			});
			expect(scrolled, `the MSEL scrolls inside its panel at ${name}`).toBeGreaterThan(0);
			for (const id of ['control-bar', 'exercise-clock', 'pause', 'speed', 'inbox-badge', 'team-board', 'control-inbox']) await inViewport(c, id);
			expect.soft(await overflowingCards(c), `cut off at ${name}`).toEqual([]);
			expect.soft(await accessibilityProblems(c), `axe at ${name}`).toEqual([]);
			await c.screenshot({ path: testInfo.outputPath(`control-${name}.png`) });
		}

		// An ad-hoc inject with no team is refused beside the "To" field, in plain words, before anything is sent.
		await c.getByTestId('adhoc-from').fill('Minister of National Security');
		await c.getByTestId('adhoc-title').fill('Minister wants a briefing');
		await c.getByTestId('adhoc-body').fill('Call the minister back.');
		await c.getByTestId('adhoc-submit').click();
		await expect(c.getByTestId('adhoc-error-to')).toHaveText('Choose at least one team to receive it.');
		await expect(c.getByTestId('control-error')).toHaveCount(0);

		// "Answer with an inject" fills the form for the team that wrote; sending it marks the message answered.
		await message.getByTestId('control-reply').click();
		await expect(c.getByTestId('adhoc-reply')).toContainText('Answering TT Coast Guard');
		await expect(c.locator('[data-testid="adhoc-to"][value="coast-guard"]')).toBeChecked();
		await c.getByTestId('adhoc-from').fill('RIFC analyst');
		await c.getByTestId('adhoc-body').fill('Grey hull, twin outboards.');
		await c.getByTestId('adhoc-submit').click();
		await expect(c.locator('[data-testid="control-message"][data-answered="true"]')).toContainText('answered');
		await expect(c.getByTestId('inbox-count')).toHaveText('0');
		await expect(c.locator('[data-testid="msel-row"][data-status="released"]').filter({ hasText: 'Re: Can RIFC confirm' })).toHaveCount(1);

		// A team with nobody there is marked absent.
		const customs = c.locator('[data-testid="team-card"][data-team="customs"]');
		await customs.getByTestId('team-mode').selectOption('absent');
		await expect(customs).toHaveClass(/absent/);
		await expect(customs.getByTestId('team-mode')).toHaveValue('absent');

		// At 60× the 10-minute decision lasts 10 real seconds: said in the bar, with a slower speed offered.
		await c.getByTestId('speed').selectOption('60');
		await expect(c.getByTestId('speed-warning')).toContainText('leaves 10 sec of real time to decide');
		await expect(c.getByTestId('safe-speed')).toHaveText('Slow to 10×');
		await c.getByTestId('safe-speed').click();
		await expect(c.getByTestId('speed')).toHaveValue('10');
		await expect(c.getByTestId('speed-warning')).toHaveCount(0);

		// A team played by control: its open decision shows with its options, and control answers for it.
		await board.getByTestId('team-mode').selectOption('control');
		await board.getByTestId('decide-for-option').selectOption('launch');
		await board.getByTestId('decide-for').click();
		await expect(board.getByTestId('team-decision')).toHaveCount(0);
		await expect(board).toContainText('1 decided');
		await board.getByTestId('team-mode').selectOption('playing');

		// End asks in the page, not with the browser's confirm box: focus starts on Cancel, Escape cancels, play goes
		// on and focus is back on End.
		const end = c.getByTestId('end');
		await end.click();
		const confirmEnd = c.getByRole('dialog', { name: 'End the exercise?' });
		await expect(confirmEnd).toBeVisible();
		await expect(confirmEnd).toHaveAccessibleDescription(/Play stops for every team.*This cannot be undone\./);
		await expect(confirmEnd.getByTestId('confirm-cancel')).toBeFocused();
		await expect(confirmEnd.getByTestId('confirm-accept')).toHaveText('End exercise');
		expect.soft(await accessibilityProblems(c), 'axe with the End confirmation').toEqual([]);
		await c.screenshot({ path: testInfo.outputPath('control-confirm-end-1400x900.png') });
		await c.keyboard.press('Escape');
		await expect(confirmEnd).toHaveCount(0);
		await expect(end).toBeFocused();
		await expect(c.getByTestId('exercise-status')).toHaveText('running');

		await c.getByTestId('speed').selectOption('60');
		// Five exercise minutes pass in five seconds: ENDEX is offered, says how far past the end play is, and can wait.
		const endex = c.getByTestId('endex-prompt');
		await expect(endex).toBeVisible({ timeout: 20_000 });
		await expect(endex).toContainText('planned end (00:05)');
		expect.soft(await overflowingCards(c), 'cut off with the ENDEX prompt').toEqual([]);
		expect.soft(await accessibilityProblems(c), 'axe with the ENDEX prompt').toEqual([]);
		await c.screenshot({ path: testInfo.outputPath('control-endex-1400x900.png') });
		await c.getByTestId('endex-keep').click();
		await expect(endex).toHaveCount(0);
		await c.getByTestId('speed').selectOption('1');
		await expect(c.getByTestId('speed-warning')).toHaveCount(0);

		// A phone does not break it: one column, nothing sideways.
		await c.setViewportSize({ width: 390, height: 844 });
		await c.waitForTimeout(300);
		expect.soft(await overflowingCards(c), 'cut off at 390x844').toEqual([]);
		await c.screenshot({ path: testInfo.outputPath('control-390x844.png'), fullPage: true });
		// The confirmation fits a phone, both buttons in reach; Cancel closes it and play goes on.
		await end.click();
		const box = await confirmEnd.boundingBox();
		expect(box!.x, 'confirmation left edge').toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width, 'confirmation right edge').toBeLessThanOrEqual(390);
		expect(box!.y + box!.height, 'confirmation bottom edge').toBeLessThanOrEqual(844);
		await expect(confirmEnd.getByTestId('confirm-accept')).toBeInViewport();
		await c.screenshot({ path: testInfo.outputPath('control-confirm-end-390x844.png') });
		await confirmEnd.getByTestId('confirm-cancel').click();
		await expect(confirmEnd).toHaveCount(0);
		await expect(end).toBeFocused();
		await expect(c.getByTestId('exercise-status')).toHaveText('running');

		// The join sheet: every code in team order, then evaluators and observers, each with a QR code drawn here.
		const codes = await c.getByTestId('team-code').allInnerTexts();
		const sheet = await c.context().newPage();
		await sheet.setViewportSize({ width: 1400, height: 900 });
		await sheet.goto(`/control/${exerciseId}/join-sheet`);
		const cards = sheet.getByTestId('join-card');
		await expect(cards).toHaveCount(4);
		await expect(cards.nth(0)).toContainText('TT Coast Guard');
		await expect(cards.nth(1)).toContainText('TT Customs');
		await expect(sheet.getByTestId('join-sheet-code')).toHaveText([...codes, /.+/, /.+/]);
		await expect(sheet.locator('[data-testid="join-qr"] svg')).toHaveCount(4);
		expect.soft(await accessibilityProblems(sheet), 'axe on the join sheet').toEqual([]);
		await sheet.emulateMedia({ media: 'print' });
		await sheet.screenshot({ path: testInfo.outputPath('join-sheet-print.png'), fullPage: true });
		const pdf = await sheet.pdf({ format: 'A4', path: testInfo.outputPath('join-sheet.pdf') });
		// One page: a PDF names each of its pages with /Type /Page.
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

		// A stale review link: the page says so in words, not with the server's "unknown exercise" and the id.
		await c.goto('/review/no-such-exercise');
		await expect(c.getByRole('alert').filter({ hasText: 'This exercise is not on the server' })).toBeVisible();
		await expect(c.getByText('no-such-exercise')).toHaveCount(0);
		expect(controller.errors).toEqual([]);
	} finally {
		seat.close();
	}
});
