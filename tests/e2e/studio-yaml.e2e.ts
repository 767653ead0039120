/**
 * The studio's YAML and translations views, as a planner who does read YAML uses them on a copy of the maritime
 * scenario: CodeMirror under the strict CSP with the scenario JSON Schema (an error marked where it is, naming the
 * allowed values, in the problems list too), edits that round-trip between the YAML and the forms without loss, and
 * a translation typed side by side with its English. Both views, and the history, scanned with axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { accessibilityProblems, overflowingCards } from './checks';
import { newPage, openCopyOf, signInToStudio } from './pages';

/** Puts the cursor on the first line of the YAML that contains `text` (CodeMirror's search would open a panel). */
async function cursorOn(page: Page, text: string) {
	const line = page.locator('.cm-line', { hasText: text }).first();
	await line.scrollIntoViewIfNeeded();
	await line.click();
	await page.keyboard.press('End');
}

test('YAML and forms edit one scenario without loss; errors are marked where they are; translations side by side', async ({ browser }) => {
	const { page, errors } = await newPage(browser);
	await page.setViewportSize({ width: 1400, height: 900 });
	await signInToStudio(page, 'Eli Planner');
	await openCopyOf(page, 'maritime-trafficking-southern-caribbean');
	await expect(page.getByTestId('studio-no-problems')).toBeVisible();

	// The YAML view: the copy's text in CodeMirror, highlighted, no problems.
	await page.getByTestId('view-yaml').click();
	await expect(page.locator('.cm-editor')).toBeVisible();
	await expect(page.locator('.cm-content')).toContainText('Maritime trafficking');
	expect(await accessibilityProblems(page)).toEqual([]);

	// A wrong kind typed in the YAML: marked in the editor and in the problems list, naming the allowed values.
	await cursorOn(page, 'kind: maritime-trafficking');
	for (let i = 0; i < 'trafficking'.length; i++) await page.keyboard.press('Backspace');
	await page.keyboard.type('smuggling');
	const problem = page.locator('li', { has: page.getByTestId('problem') }).first();
	await expect(problem).toContainText('Kind of exercise');
	await expect(problem).toContainText(/maritime-trafficking.*displacement|displacement.*maritime-trafficking/s);
	await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
	// Undo in the editor puts it back, and the scenario passes again.
	await page.keyboard.press('Control+z');
	await expect(page.locator('.cm-content')).toContainText('kind: maritime-trafficking');
	await expect(page.getByTestId('studio-no-problems')).toBeVisible();

	// The title changed in the YAML is the title in the overview form, and the summary changed in the form is in the YAML.
	await cursorOn(page, 'title: Maritime trafficking');
	await page.keyboard.type(' (national run)');
	await page.getByTestId('view-overview').click();
	await expect(page.getByLabel('Title')).toHaveValue(/\(national run\)$/);
	await page.getByLabel('Summary').fill('A national run of the go-fast exercise, with our own agencies.');
	await page.getByTestId('view-yaml').click();
	await expect(page.locator('.cm-content')).toContainText('A national run of the go-fast exercise');
	// Comments and the rest of the file survive both edits: the first line is still the schema comment.
	await expect(page.locator('.cm-line').first()).toContainText('yaml-language-server');

	// Translations: the French side by side with the English, one typed in.
	await page.getByTestId('view-translations').click();
	await page.getByTestId('translation-language').selectOption('fr');
	await expect(page.getByTestId('translation-row').first()).toBeVisible();
	expect(await accessibilityProblems(page)).toEqual([]);
	expect(await overflowingCards(page)).toEqual([]);

	// Saved: the version's YAML holds the edits from both views.
	await page.getByTestId('studio-note').fill('National run');
	await page.getByTestId('studio-save').click();
	await expect(page.getByTestId('studio-version')).toContainText('Version 2');
	await page.getByTestId('view-history').click();
	await expect(page.getByTestId('history-row')).toHaveCount(2);
	expect(await accessibilityProblems(page)).toEqual([]);
	expect(errors).toEqual([]);
});
