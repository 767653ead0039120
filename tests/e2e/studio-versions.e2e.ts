/**
 * The studio's library and versions, as two planners use them: one starts a scenario from nothing with the mouse
 * and keyboard (overview, two teams, two objectives), the problems list shrinking as they go, and saves; a second
 * opens the same scenario, is seen by the first, and saves a change; the first, who kept editing, is told a newer
 * version exists, has their save refused rather than overwriting it, and merges. Bundled scenarios are read-only.
 */
import { expect, test, type Page } from '@playwright/test';
import { accessibilityProblems, overflowingCards } from './checks';
import { newPage, signInToStudio } from './pages';

const problemCount = async (page: Page) => page.getByTestId('problem').count();

test('two planners build, save, see each other and merge instead of overwriting', async ({ browser }) => {
	const ana = await newPage(browser);
	await signInToStudio(ana.page, 'Ana Planner');

	// The bundled scenarios are there, as read-only originals.
	const bundled = ana.page.locator('[data-testid="library-row"][data-key="maritime-trafficking-southern-caribbean"]');
	await expect(bundled).toContainText(/Bundled original/);
	expect(await accessibilityProblems(ana.page)).toEqual([]);

	await ana.page.getByTestId('new-title').fill('Go-fast off Carriacou');
	await ana.page.getByTestId('create-blank').click();
	await ana.page.waitForURL(/\/studio\/go-fast-off-carriacou/);
	await expect(ana.page.getByTestId('studio-version')).toContainText('Version 1');
	// A blank scenario's problems are the planner's to-do list.
	await expect(ana.page.getByTestId('problem').first()).toBeVisible();
	const atStart = await problemCount(ana.page);

	await ana.page.getByLabel('Summary').fill('A go-fast runs from Venezuela towards Carriacou at night.');
	await ana.page.getByTestId('view-teams').click();
	for (const team of ['Grenada Coast Guard', 'Trinidad and Tobago Coast Guard']) {
		await ana.page.getByTestId('new-team').fill(team);
		await ana.page.getByTestId('new-team').press('Enter');
	}
	await expect(ana.page.getByTestId('team-row')).toHaveCount(2);
	await ana.page.getByTestId('team-row').nth(0).getByLabel('State').selectOption('Grenada');
	await ana.page.getByTestId('team-row').nth(1).getByLabel('State').selectOption('Trinidad and Tobago');
	for (const objective of ['Share the tip-off in time', 'Lawful boarding']) {
		await ana.page.getByTestId('new-objective').fill(objective);
		await ana.page.getByTestId('add-objective').click();
	}
	await expect(ana.page.getByTestId('objective-row')).toHaveCount(2);
	await expect.poll(() => problemCount(ana.page)).toBeLessThan(atStart);
	expect(await accessibilityProblems(ana.page)).toEqual([]);
	expect(await overflowingCards(ana.page)).toEqual([]);

	await ana.page.getByTestId('studio-note').fill('Teams and objectives');
	await ana.page.getByTestId('studio-save').click();
	await expect(ana.page.getByTestId('studio-version')).toContainText('Version 2');
	await expect(ana.page.getByTestId('studio-state')).toContainText('Saved');

	// Ben opens the same scenario: each sees the other.
	const ben = await newPage(browser);
	await signInToStudio(ben.page, 'Ben Planner');
	await ben.page.locator('[data-testid="library-row"][data-key^="go-fast-off-carriacou"]').getByRole('button', { name: 'Open' }).click();
	await expect(ben.page.getByTestId('studio-presence')).toContainText('Ana Planner');
	await expect(ana.page.getByTestId('studio-presence')).toContainText('Ben Planner');

	// Ben renames a team and saves; Ana, editing the summary meanwhile, is told.
	await ben.page.getByTestId('view-teams').click();
	await ben.page.getByTestId('team-row').nth(0).getByLabel('Team name').fill('Grenada Coast Guard (RGPF)');
	await ben.page.getByTestId('studio-save').click();
	await expect(ben.page.getByTestId('studio-version')).toContainText('Version 3');
	await ana.page.getByTestId('view-overview').click();
	await ana.page.getByLabel('Summary').fill('A go-fast with cocaine runs from Venezuela towards Carriacou at night.');
	await expect(ana.page.getByTestId('studio-newer')).toContainText('Ben Planner saved version 3');

	// Ana's save is refused, not applied over Ben's; she merges and saves both changes.
	await ana.page.getByTestId('studio-save').click();
	await expect(ana.page.getByTestId('stale-dialog')).toBeVisible();
	await ana.page.getByTestId('stale-merge').click();
	await expect(ana.page.getByTestId('stale-dialog')).toBeHidden();
	await ana.page.getByTestId('studio-save').click();
	await expect(ana.page.getByTestId('studio-version')).toContainText('Version 4');
	await ana.page.getByTestId('view-teams').click();
	await expect(ana.page.getByTestId('team-row').nth(0).getByLabel('Team name')).toHaveValue('Grenada Coast Guard (RGPF)');
	await ana.page.getByTestId('view-overview').click();
	await expect(ana.page.getByLabel('Summary')).toHaveValue(/with cocaine/);

	// The history lists every version with who saved it; v1 can be restored as v5.
	await ana.page.getByTestId('view-history').click();
	await expect(ana.page.getByTestId('history-row')).toHaveCount(4);
	await expect(ana.page.locator('[data-testid="history-row"][data-version="3"]')).toContainText('Ben Planner');
	expect(await accessibilityProblems(ana.page)).toEqual([]);

	// The refused save is the one failed request the browser logs (409 Conflict); nothing else went wrong.
	expect(ana.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
	expect(ana.errors.filter((e) => /status of 409/.test(e))).toHaveLength(1);
	expect(ben.errors).toEqual([]);
});

test('a bundled scenario opens read-only and is copied to edit', async ({ browser }) => {
	const { page, errors } = await newPage(browser);
	await signInToStudio(page, 'Cleo Planner');
	await page.locator('[data-testid="library-row"][data-key="displacement-hurricane-dominica"]').getByRole('button', { name: 'Open' }).click();
	await expect(page.getByTestId('studio-copy')).toBeVisible();
	await expect(page.getByTestId('studio-save')).toHaveCount(0);
	await expect(page.getByLabel('Title')).toHaveAttribute('readonly', '');
	await expect(page.getByTestId('studio-no-problems')).toBeVisible();
	await page.getByTestId('studio-copy').click();
	await page.waitForURL((url) => url.pathname.startsWith('/studio/') && !url.pathname.endsWith('/displacement-hurricane-dominica'));
	await expect(page.getByTestId('studio-save')).toBeVisible();
	await expect(page.getByLabel('Title')).not.toHaveAttribute('readonly', '');
	expect(errors).toEqual([]);
});
