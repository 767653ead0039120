/**
 * The studio's MSEL views, as a planner uses them on a copy of the maritime scenario: the table edited like a
 * spreadsheet with the keyboard (a title and a time typed in place, Escape taking an edit back, Tab leaving the
 * grid), sorted and filtered, an inject added where the filters point and opened in full, a delete that warns what
 * it strands; the timeline with a lane per team, a block retimed with the arrow keys and by dragging, and an inject
 * made unreachable shown as such. Axe on both views.
 */
import { expect, test, type Page } from '@playwright/test';
import { accessibilityProblems, overflowingCards } from './checks';
import { newPage, openCopyOf, signInToStudio } from './pages';

async function openMaritimeCopy(page: Page) {
	await signInToStudio(page, 'Mara Planner');
	await openCopyOf(page, 'maritime-trafficking-southern-caribbean');
}

const rows = (page: Page) => page.getByTestId('msel-row');
const row = (page: Page, injectId: string) => page.locator(`[data-testid="msel-row"][data-inject-id="${injectId}"]`);
/** Where the focus is in the grid: its row and column, or null outside it. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const cell = document.activeElement?.closest<HTMLElement>('[data-row][data-col]');
		return cell && cell.closest('[data-testid="msel-grid"]') ? { row: Number(cell.dataset.row), col: cell.dataset.testid } : null;
	});

test('the MSEL table edits, sorts and filters like a spreadsheet', async ({ browser }) => {
	const { page, errors } = await newPage(browser);
	await openMaritimeCopy(page);
	await page.getByTestId('view-msel').click();
	await expect(rows(page)).toHaveCount(57);
	await expect(page.getByTestId('msel-count')).toHaveText('Showing 57 of 57 injects');

	// A title typed in place: Enter edits, Enter saves and moves down.
	const tip = row(page, 'rifc-tipoff');
	await tip.getByTestId('cell-title').click();
	await page.keyboard.press('Enter');
	await expect(tip.getByRole('textbox', { name: 'Title of inject 1' })).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('RIFC tip-off: go-fast left Paria');
	await page.keyboard.press('Enter');
	await expect(tip.getByTestId('cell-title')).toHaveText('RIFC tip-off: go-fast left Paria');
	expect(await focused(page)).toEqual({ row: 2, col: 'cell-title' });

	// F2 edits too; Escape takes the edit back.
	await page.keyboard.press('F2');
	await page.keyboard.type(' and more');
	await page.keyboard.press('Escape');
	await expect(row(page, 'radar-track').getByTestId('cell-title')).toHaveText(/^Radar update: contact T-01/);
	expect(await focused(page)).toEqual({ row: 2, col: 'cell-title' });

	// Arrow keys, Home: to the time cell; typing there starts an edit with what is typed.
	await page.keyboard.press('Home');
	expect(await focused(page)).toEqual({ row: 2, col: 'cell-number' });
	await page.keyboard.press('ArrowRight');
	expect(await focused(page)).toEqual({ row: 2, col: 'cell-time' });
	await page.keyboard.type('soon');
	await page.keyboard.press('Enter');
	await expect(row(page, 'radar-track').getByRole('alert')).toHaveText(/Not a time/);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('0:07');
	await page.keyboard.press('Enter');
	await expect(row(page, 'radar-track').getByTestId('cell-time')).toHaveText('0:07');
	// Undo takes it back (the edit went through the draft), redo brings it again.
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(row(page, 'radar-track').getByTestId('cell-time')).toHaveText('0:04');
	await page.getByRole('button', { name: 'Redo', exact: true }).click();
	await expect(row(page, 'radar-track').getByTestId('cell-time')).toHaveText('0:07');

	// Tab leaves the grid.
	await row(page, 'radar-track').getByTestId('cell-channel').click();
	await page.keyboard.press('Tab');
	expect(await focused(page)).toBeNull();

	// Sort by title with a click, then by time from the keyboard (header row, arrow, Enter).
	await page.getByTestId('msel-sort-title').click();
	await expect(page.getByTestId('msel-col-title')).toHaveAttribute('aria-sort', 'ascending');
	const titles = await page.getByTestId('cell-title').allInnerTexts();
	expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
	await page.getByTestId('msel-sort-number').focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('msel-col-time')).toHaveAttribute('aria-sort', 'ascending');
	await expect(page.getByTestId('msel-col-title')).toHaveAttribute('aria-sort', 'none');
	await expect(rows(page).nth(0)).toHaveAttribute('data-inject-id', 'rifc-tipoff');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('msel-col-time')).toHaveAttribute('aria-sort', 'descending');
	await expect(rows(page).nth(0)).toHaveAttribute('data-inject-id', 'jrcc-case-coordination');

	// Filters: by team, then a time range; they say how many rows show.
	await page.getByTestId('filter-team').selectOption({ label: 'Royal Grenada Police Force' });
	const grenada = await rows(page).count();
	expect(grenada).toBeGreaterThan(5);
	expect(grenada).toBeLessThan(57);
	await expect(page.getByTestId('msel-count')).toHaveText(`Showing ${grenada} of 57 injects`);
	for (const to of await page.getByTestId('cell-to').allInnerTexts()) expect(to).toContain('Royal Grenada Police Force');
	await page.getByTestId('filter-from').fill('1:00');
	await expect.poll(() => rows(page).count()).toBeLessThan(grenada);
	for (const time of await page.getByTestId('cell-time').allInnerTexts()) expect(time).toMatch(/^(1:\d\d|.*from 1:\d\d)/s);
	expect(await accessibilityProblems(page)).toEqual([]);

	// Add an inject while filtered: it goes to Grenada at 1:00 and opens in the full form.
	await page.getByTestId('msel-add').click();
	const form = page.getByTestId('inject-dialog').getByTestId('inject-form');
	await expect(form).toBeVisible();
	await expect(form.getByLabel('Title', { exact: true })).toHaveValue('New inject');
	await expect(form.getByLabel('Minute of the exercise')).toHaveValue('60');
	await form.getByLabel('Title', { exact: true }).fill('Grenada asks for an update');
	expect(await accessibilityProblems(page)).toEqual([]);
	await form.getByTestId('close-inject').click();
	await expect(page.getByTestId('inject-dialog')).toBeHidden();
	await page.getByTestId('filter-clear').click();
	await expect(page.getByTestId('msel-count')).toHaveText('Showing 58 of 58 injects');
	const added = row(page, 'new-inject');
	await expect(added.getByTestId('cell-title')).toHaveText('Grenada asks for an update');
	await expect(added.getByTestId('cell-to')).toHaveText('Royal Grenada Police Force');
	await expect(added.getByTestId('cell-time')).toHaveText('1:00');

	// A problem shows on its cell: an emptied sender.
	await added.getByTestId('cell-from').click();
	await page.keyboard.press('Enter');
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.press('Enter');
	await expect(added.getByTestId('cell-from')).toHaveAttribute('aria-invalid', 'true');
	await expect(added.getByTestId('cell-problems')).toContainText('1 problem');

	// Addressees ticked in the popup: Grenada's DPP added.
	await added.getByTestId('cell-to').click();
	await page.keyboard.press('Enter');
	await page.getByTestId('msel-pick').getByLabel('Office of the DPP, Grenada').check();
	await page.keyboard.press('Escape');
	await expect(added.getByTestId('cell-to')).toHaveText('Royal Grenada Police Force and Office of the DPP, Grenada');
	expect(await focused(page)).toMatchObject({ col: 'cell-to' });

	// Deleting the tip-off warns that three injects wait on it; cancelled.
	await row(page, 'rifc-tipoff').getByTestId('msel-delete').click();
	await expect(page.getByTestId('confirm-dialog')).toContainText('Delete inject 1?');
	await expect(page.getByTestId('confirm-dialog')).toContainText(/3 injects wait on its answer or miss .*#25/);
	await page.getByTestId('confirm-cancel').click();
	// The copy of an inject is deleted without a warning.
	await row(page, 'radar-track').getByTestId('msel-copy').click();
	await expect(page.getByTestId('msel-count')).toHaveText('Showing 59 of 59 injects');
	await row(page, 'radar-update-contact-t-01-holding-course-015-at-40-knots-copy').getByTestId('msel-delete').click();
	await expect(page.getByTestId('confirm-dialog')).not.toContainText('wait on');
	await page.getByTestId('confirm-accept').click();
	await expect(page.getByTestId('msel-count')).toHaveText('Showing 58 of 58 injects');

	expect(await overflowingCards(page)).toEqual([]);
	expect(errors).toEqual([]);
});

const block = (page: Page, injectId: string) => page.locator(`[data-testid="timeline-block"][data-inject-id="${injectId}"]`);

test('the timeline shows the branches, retimes by keyboard and by drag, and marks what is never released', async ({ browser }) => {
	const { page, errors } = await newPage(browser);
	await openMaritimeCopy(page);
	await page.getByTestId('view-timeline').click();
	const teamLanes = page.locator('[data-testid="timeline-lane"][data-kind="team"]');
	await expect(teamLanes).toHaveCount(6);
	await expect(teamLanes.first()).toHaveAttribute('aria-label', 'Trinidad and Tobago Coast Guard');
	// Timed blocks at their minute, answers hanging from the tip-off, play events as markers.
	await expect(block(page, 'rifc-tipoff')).toHaveAttribute('data-minute', '0');
	await expect(block(page, 'whatsapp-voice-note')).toHaveAttribute('data-minute', '5');
	await expect(block(page, 'whatsapp-voice-note')).toContainText('“Launch Cutter 1 and have the duty officer');
	await expect(page.getByTestId('timeline-marker').filter({ hasText: 'detects' }).first()).toBeVisible();
	await expect(page.getByTestId('timeline-unreachable')).toContainText('Every inject can be released.');
	expect(await accessibilityProblems(page)).toEqual([]);

	// The arrow keys move a timed block by a minute, Shift by ten; the focus stays on it.
	const radar = block(page, 'radar-track');
	await radar.focus();
	await page.keyboard.press('ArrowRight');
	await expect(radar).toHaveAttribute('data-minute', '5');
	await page.keyboard.press('Shift+ArrowRight');
	await expect(radar).toHaveAttribute('data-minute', '15');
	await page.keyboard.press('ArrowLeft');
	await expect(radar).toHaveAttribute('data-minute', '14');
	await expect(radar).toBeFocused();
	// On a triggered block they change its delay after the trigger.
	await block(page, 'whatsapp-voice-note').focus();
	await page.keyboard.press('ArrowRight');
	await expect(block(page, 'whatsapp-voice-note')).toHaveAttribute('data-minute', '6');

	// Dragging: snapped to the minute, the minute shown while dragging; no form opens after a drag.
	const chaser = block(page, 'jrcc-chaser');
	await chaser.scrollIntoViewIfNeeded();
	const start = (await block(page, 'rifc-tipoff').boundingBox())!;
	const at18 = (await chaser.boundingBox())!;
	const pxPerMinute = (at18.x - start.x) / 18;
	await page.mouse.move(at18.x + 20, at18.y + at18.height / 2);
	await page.mouse.down();
	await page.mouse.move(at18.x + 20 + 6 * pxPerMinute, at18.y + at18.height / 2, { steps: 5 });
	await page.mouse.move(at18.x + 20 + 12 * pxPerMinute, at18.y + at18.height / 2, { steps: 5 });
	await expect(page.getByTestId('drag-time')).toHaveText('0:30');
	await page.mouse.up();
	await expect(chaser).toHaveAttribute('data-minute', '30');
	await expect(page.getByTestId('inject-dialog')).toBeHidden();

	// A click (no drag) opens the inject in full.
	await block(page, 'cargo-sighting').click();
	await expect(page.getByTestId('inject-dialog').getByTestId('inject-form')).toBeVisible();
	await expect(page.getByTestId('inject-dialog').getByLabel('Minute of the exercise')).toHaveValue('38');
	await page.getByTestId('inject-dialog').getByTestId('close-inject').click();

	// The retimes are the table's too.
	await page.getByTestId('view-msel').click();
	await expect(row(page, 'radar-track').getByTestId('cell-time')).toHaveText('0:14');
	await expect(row(page, 'jrcc-chaser').getByTestId('cell-time')).toHaveText('0:30');

	// Deleting the tip-off strands what waits on its answers and its miss: never released, in both views.
	await row(page, 'rifc-tipoff').getByTestId('msel-delete').click();
	await page.getByTestId('confirm-accept').click();
	await expect(row(page, 'whatsapp-voice-note').getByTestId('cell-never')).toContainText('waits on an inject the MSEL does not have');
	await page.getByTestId('view-timeline').click();
	await expect(page.locator('[data-testid="timeline-lane"][data-kind="unreachable"]')).toHaveCount(1);
	await expect(block(page, 'whatsapp-voice-note')).toContainText('Never released');
	await expect(page.getByTestId('timeline-unreachable')).toContainText('3 injects are never released');
	await expect(page.getByTestId('unreachable-item')).toHaveCount(3);
	expect(await accessibilityProblems(page)).toEqual([]);

	// On a phone the graph scrolls sideways in its own box, never the page.
	await page.setViewportSize({ width: 390, height: 844 });
	const box = page.getByTestId('timeline-box');
	await expect.poll(() => box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	expect(await overflowingCards(page)).toEqual([]);
	expect(errors).toEqual([]);
});
