/**
 * The evaluator's workspace: the n shortcut opens a note without typing into it, a saved note resets the form,
 * notes are edited, deleted and linked to a timeline event, the notes for a rating stand beside it, a chart series
 * toggles, and the replay's event list follows the scrubber. Every review tab is checked for cut-off cards and
 * accessibility at three screen sizes.
 */
import { expect, test, type Page } from './fixtures';
import { accessibilityProblems, overflowingCards } from './checks';
import { createExercise, newPage } from './pages';

const VIEWPORTS = [
	{ width: 1400, height: 900 },
	{ width: 1920, height: 1080 },
	{ width: 390, height: 844 }
];

async function checkEveryViewport(page: Page, what: string) {
	for (const viewport of VIEWPORTS) {
		await page.setViewportSize(viewport);
		await page.waitForTimeout(150);
		expect(await overflowingCards(page), `${what} at ${viewport.width}×${viewport.height}: cut-off cards`).toEqual([]);
		expect(await accessibilityProblems(page), `${what} at ${viewport.width}×${viewport.height}: accessibility`).toEqual([]);
	}
	await page.setViewportSize(VIEWPORTS[0]!);
}

test('the evaluator notes by keyboard, edits, deletes and links notes, toggles chart series and follows the replay', async ({ browser }) => {
	// Generous: on a 2-core CI machine two pages drawing live maps in software GL are slow.
	test.setTimeout(600_000);
	const { page: controller } = await newPage(browser);
	const { page: evaluator, errors } = await newPage(browser);
	await createExercise(controller, 'maritime-trafficking-southern-caribbean');
	const evaluatorCode = await controller.getByTestId('evaluator-code').innerText();
	await evaluator.goto('/');
	await evaluator.getByTestId('join-code').fill(evaluatorCode);
	await evaluator.getByTestId('join-name').fill('Evaluator Joseph');
	await evaluator.getByTestId('join-submit').click();
	await evaluator.waitForURL('**/review');
	// Real time while notes are taken (the tip-off is released at minute 0); 60× only to run play on later.
	await controller.getByTestId('start').click();

	const text = evaluator.getByTestId('observation-text');
	const team = evaluator.getByTestId('observation-team');
	const objective = evaluator.getByTestId('observation-objective');

	// "n" from outside a field: the note box takes focus and stays empty.
	await evaluator.locator('body').click({ position: { x: 5, y: 300 } });
	await evaluator.keyboard.press('n');
	await expect(text).toBeFocused();
	await expect(text).toHaveValue('');
	await team.selectOption('tt-coast-guard');
	await objective.selectOption('detect-and-share');
	await text.focus();
	await evaluator.keyboard.type('Passed the RIFC report on within minutes.');
	await evaluator.keyboard.press('Enter');
	const notes = evaluator.getByTestId('observations').getByTestId('observation');
	await expect(notes.first()).toContainText('Passed the RIFC report on within minutes.');
	await expect(notes.first()).toContainText('Trinidad and Tobago Coast Guard');
	// The form starts afresh: team and objective cleared, focus out of the field, so "n" starts the next note.
	await expect(team.locator('option:checked')).toHaveText('All teams');
	await expect(objective.locator('option:checked')).toHaveText('General');
	await expect(text).not.toBeFocused();
	await evaluator.keyboard.press('n');
	await expect(text).toBeFocused();
	await expect(text).toHaveValue('');
	// "Keep" holds team and objective for the next note.
	await evaluator.getByTestId('observation-keep').check();
	await team.selectOption('tt-customs');
	await text.fill('A note to delete.');
	await text.press('Enter');
	await expect(notes.first()).toContainText('A note to delete.');
	await expect(team.locator('option:checked')).toHaveText('Customs and Excise Division');
	await evaluator.getByTestId('observation-keep').uncheck();

	// Edit the first note, delete the second.
	// By its id: while it is edited, its text is in a field, not in the item.
	const firstId = await notes.filter({ hasText: 'Passed the RIFC report' }).getAttribute('data-observation-id');
	const first = evaluator.getByTestId('observations').locator(`[data-observation-id="${firstId}"]`);
	await first.getByTestId('note-edit').click();
	await first.getByTestId('note-edit-text').fill('Passed the RIFC report on within minutes, caveats kept.');
	await first.getByTestId('note-edit-save').click();
	await expect(first).toContainText('caveats kept');
	await expect(first).toContainText('(edited)');
	await notes.filter({ hasText: 'A note to delete.' }).getByTestId('note-delete').click();
	const confirmDelete = evaluator.getByRole('dialog', { name: 'Delete this note?' });
	await expect(confirmDelete.getByTestId('confirm-quote')).toHaveText('A note to delete.');
	await confirmDelete.getByTestId('confirm-accept').click();
	await expect(notes.filter({ hasText: 'A note to delete.' })).toHaveCount(0);
	await expect(notes).toHaveCount(1);

	// A note on a timeline event names the event and the event counts its note.
	// By its seq: new events keep arriving at the top of the timeline while play runs.
	const seq = await evaluator.getByTestId('timeline').locator('li[data-type="inject.released"]').first().getAttribute('data-seq');
	const released = evaluator.getByTestId('timeline').locator(`li[data-seq="${seq}"]`);
	const eventText = (await released.locator('.text').innerText()).trim();
	await released.getByTestId('note-on-event').click();
	await expect(evaluator.getByTestId('observation-link')).toContainText(eventText.slice(0, 30));
	await expect(text).toBeFocused();
	await objective.selectOption('detect-and-share');
	await team.selectOption('tt-coast-guard');
	await text.fill('Read the tip-off aloud to the watch.');
	await text.press('Enter');
	const linked = notes.filter({ hasText: 'Read the tip-off aloud' });
	await expect(linked.getByTestId('note-link')).toContainText(eventText.slice(0, 30));
	await expect(released.getByTestId('timeline-noted')).toHaveText('1 note');

	// The notes for the team and objective stand beside the rating being edited.
	await evaluator.locator('[data-testid="rating-cell"][data-team="tt-coast-guard"][data-objective="detect-and-share"]').click();
	const beside = evaluator.getByTestId('rating-notes');
	await expect(beside).toContainText('caveats kept');
	await expect(beside).toContainText('Read the tip-off aloud');
	await evaluator.getByTestId('rating-S').check();
	await evaluator.getByTestId('rating-explanation').fill('Shared fast; no acknowledgement asked.');
	await evaluator.getByTestId('rating-save').click();
	await checkEveryViewport(evaluator, 'live tab');

	// Let play run a little, then end it.
	await controller.getByTestId('speed').selectOption('60');
	// Past minute 30, so the early decisions have expired and their teams have scored lines to toggle.
	await expect(controller.getByTestId('exercise-clock')).not.toHaveText(/^00:[0-2][0-9]:/, { timeout: 90_000 });
	await controller.getByTestId('pause').click();
	await controller.getByTestId('end').click();
	await controller.getByRole('dialog', { name: 'End the exercise?' }).getByTestId('confirm-accept').click();
	await expect(evaluator.getByTestId('exercise-status')).toHaveText('ended');

	// Hot wash: the notes themselves, grouped by team and objective.
	await evaluator.getByTestId('tab-hotwash').click();
	const group = evaluator.locator('[data-testid="hot-wash-notes"][data-team="tt-coast-guard"][data-objective="detect-and-share"]');
	await expect(group).toContainText('caveats kept');
	await expect(group).toContainText('Read the tip-off aloud');
	await checkEveryViewport(evaluator, 'hot wash');

	// Charts: a team's line is switched off and on from the legend, by keyboard.
	await evaluator.getByTestId('tab-charts').click();
	const scored = await evaluator.locator('[data-testid="score-chart"] g.series').first().getAttribute('data-team');
	const toggle = evaluator.getByTestId('score-chart').locator(`[data-testid="series-toggle"][data-team="${scored}"]`);
	const line = evaluator.locator(`[data-testid="score-chart"] g.series[data-team="${scored}"]`);
	await expect(line).toHaveCount(1);
	await toggle.focus();
	await evaluator.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await expect(line).toHaveCount(0);
	await evaluator.keyboard.press('Space');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await expect(line).toHaveCount(1);
	// The latency chart and the sharing graph toggle a team the same way; the text alternative follows.
	const latency = evaluator.getByTestId('latency-chart');
	const decided = await latency.locator('g.group').first().getAttribute('data-team');
	const latencyToggle = latency.locator(`[data-testid="series-toggle"][data-team="${decided}"]`);
	await latencyToggle.click();
	await expect(latencyToggle).toHaveAttribute('aria-pressed', 'false');
	await expect(latency.locator(`g.group[data-team="${decided}"]`)).toHaveCount(0);
	await expect(latency.locator('svg[role="img"]')).toHaveAttribute('aria-label', /Hidden: /);
	await latencyToggle.click();
	await expect(latencyToggle).toHaveAttribute('aria-pressed', 'true');
	await expect(latency.locator(`g.group[data-team="${decided}"]`)).toHaveCount(1);
	const sharing = evaluator.getByTestId('sharing-graph');
	const node = sharing.locator('g.nodes g[data-team="tt-customs"]');
	const sharingToggle = sharing.locator('[data-testid="series-toggle"][data-team="tt-customs"]');
	await expect(node).toHaveCount(1);
	await sharingToggle.focus();
	await evaluator.keyboard.press('Enter');
	await expect(sharingToggle).toHaveAttribute('aria-pressed', 'false');
	await expect(node).toHaveCount(0);
	await expect(sharing.locator('svg[role="img"]')).toHaveAttribute('aria-label', /Hidden: Customs and Excise Division\./);
	await evaluator.keyboard.press('Enter');
	await expect(sharingToggle).toHaveAttribute('aria-pressed', 'true');
	await expect(node).toHaveCount(1);
	await checkEveryViewport(evaluator, 'charts');

	// Replay: the event list follows the scrubber, and choosing an event moves it.
	await evaluator.getByTestId('tab-replay').click();
	const scrubber = evaluator.getByTestId('replay-scrubber');
	const max = Number(await scrubber.getAttribute('max'));
	const to = Math.round(max / 2 / 1000) * 1000;
	await scrubber.evaluate((el: HTMLInputElement, value) => {
		el.value = String(value);
		el.dispatchEvent(new Event('input', { bubbles: true }));
	}, to);
	const current = evaluator.locator('[data-testid="replay-event"][data-current="true"]');
	await expect(current).toHaveCount(1);
	const seconds = (hms: string) => hms.split(':').reduce((s, part) => s * 60 + Number(part), 0);
	const currentAt = seconds(await current.locator('.mono').innerText());
	expect(currentAt).toBeLessThanOrEqual(to / 1000);
	const after = evaluator.locator('[data-testid="replay-event"][data-current="true"] + [data-testid="replay-event"]');
	if ((await after.count()) > 0) expect(seconds(await after.locator('.mono').innerText())).toBeGreaterThan(to / 1000);
	// The current event is scrolled into the list's view.
	const inView = await current.evaluate((li) => {
		const list = li.closest('ol')!.getBoundingClientRect();
		const box = li.getBoundingClientRect();
		return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
	});
	expect(inView).toBe(true);
	await expect(evaluator.locator('[data-testid="replay-markers"] rect')).not.toHaveCount(0);
	const last = evaluator.getByTestId('replay-event').last();
	const lastTime = await last.locator('.mono').innerText();
	await last.getByRole('button').click();
	await expect(evaluator.getByTestId('replay-time')).toHaveText(lastTime);
	await expect(last).toHaveAttribute('data-current', 'true');
	await checkEveryViewport(evaluator, 'replay');

	for (const tab of ['history', 'exports']) {
		await evaluator.getByTestId(`tab-${tab}`).click();
		await checkEveryViewport(evaluator, tab);
	}
	expect(errors).toEqual([]);
});
