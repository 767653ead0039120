/**
 * A planner imports their own 20-row MSEL workbook (tests/fixtures/msel-20-rows.xlsx: a cover sheet, a title block
 * above the header row, their own column names) through the mapper: the MSEL sheet and header row are found, the
 * three columns the mapper does not know are mapped by hand, "CG" is confirmed as the same team as "Coast Guard",
 * the rest as new, and the import opens a new draft with 20 injects, two teams and two objectives. The mapping is
 * remembered for the same headers; a file over the limit is refused with its name and the limit.
 */
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { accessibilityProblems, overflowingCards } from './checks';
import { newPage, signInToStudio } from './pages';

const FIXTURE = 'tests/fixtures/msel-20-rows.xlsx';

async function signInToImport(page: Page) {
	await signInToStudio(page, 'Rosa Planner');
	await page.getByTestId('import-sheet').click();
	await page.waitForURL('**/studio/import');
}

const column = (page: Page, header: string) => page.locator(`[data-testid="column-field"][data-header="${header}"]`);
const nameRow = (page: Page, kind: 'teams' | 'objectives', name: string) =>
	page.getByTestId(`names-${kind}`).locator(`[data-testid="name-row"][data-name="${name}"]`);

test('a planner imports a 20-row .xlsx MSEL with its own column names through the mapper', async ({ browser }) => {
	const { page, errors } = await newPage(browser);
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!new URL(r.url()).hostname.startsWith('127.0.0.1')) outside.push(r.url());
	});
	await signInToImport(page);
	expect(await accessibilityProblems(page)).toEqual([]);

	// Too large: refused before reading, naming the file and the limit.
	await page
		.getByTestId('sheet-file')
		.setInputFiles({ name: 'whole-planning-folder.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(5 * 1024 * 1024 + 1) });
	await expect(page.getByTestId('sheet-error')).toContainText('whole-planning-folder.xlsx');
	await expect(page.getByTestId('sheet-error')).toContainText('5 MB');

	await page.getByTestId('sheet-file').setInputFiles(FIXTURE);
	await expect(page.getByTestId('sheet-file-name')).toHaveText('msel-20-rows.xlsx');
	await expect(page.getByTestId('sheet-error')).toHaveCount(0);
	// The MSEL sheet (not the cover sheet) and the header row below the title block.
	await expect(page.getByTestId('sheet-select').locator('option:checked')).toHaveText(/^MSEL/);
	await expect(page.getByTestId('header-row').locator('option:checked')).toHaveText(/^Row 3: Serial · H-Hour\+/);
	await expect(page.getByTestId('column-row')).toHaveCount(19);

	// Guessed from the planner's headers…
	await expect(column(page, 'H-Hour+')).toHaveValue('time');
	await expect(column(page, 'Recipient')).toHaveValue('teams');
	await expect(column(page, 'Means')).toHaveValue('channel');
	await expect(column(page, 'Option B points')).toHaveValue('option:2:scores');
	// …and the three the mapper does not know, mapped by hand.
	for (const header of ['Player response sought', 'Remarks for controllers', 'Follows']) await expect(column(page, header)).toHaveValue('');
	await column(page, 'Player response sought').selectOption({ label: 'Expected action' });
	await column(page, 'Remarks for controllers').selectOption({ label: 'Controller note' });
	await column(page, 'Follows').selectOption({ label: 'Released by (event and option)' });

	// The first five rows as they will be imported.
	const preview = page.getByTestId('preview-row');
	await expect(preview).toHaveCount(5);
	await expect(preview.nth(0)).toContainText('STARTEX');
	await expect(preview.nth(1)).toContainText('at 00:10');
	await expect(preview.nth(1)).toContainText('Radio');

	// Every row waits for its teams and objectives to be confirmed.
	await expect(page.getByTestId('import-run')).toBeDisabled();
	await expect(page.getByTestId('import-blocked')).toContainText('5 names are left');
	await expect(page.locator('[data-testid="check-row"][data-row="7"] [data-code="unconfirmed-team"]')).toContainText('“CG”');

	// Coast Guard is a new team, CG the same team, the others new (Customs renamed).
	await nameRow(page, 'teams', 'Coast Guard').getByTestId('name-choice').selectOption('new');
	await nameRow(page, 'teams', 'CG').getByTestId('name-choice').selectOption({ label: 'The same as “Coast Guard”' });
	await page.getByTestId('confirm-all-teams').click();
	await nameRow(page, 'teams', 'Customs').getByTestId('name-new').fill('Customs and Excise');
	await page.getByTestId('confirm-all-objectives').click();
	await expect(page.getByTestId('row-counts')).toHaveText('20 rows · 0 with something to fix · 0 left out');
	// Nothing left to fix, and nothing the importer had to settle on its own.
	await expect(page.locator('[data-testid="row-problem"]')).toHaveCount(0);

	expect(await accessibilityProblems(page)).toEqual([]);
	expect(await overflowingCards(page)).toEqual([]);

	// Leaving a row out and taking it back.
	await page.locator('[data-testid="check-row"][data-row="9"] [data-testid="include-row"]').uncheck();
	await expect(page.getByTestId('row-counts')).toContainText('1 left out');
	// Row 17 is released by row 9's option B: with row 9 left out, its trigger is a problem.
	await expect(page.locator('[data-testid="check-row"][data-row="17"] [data-code="trigger-excluded"]')).toBeVisible();
	await page.locator('[data-testid="check-row"][data-row="9"] [data-testid="include-row"]').check();
	await expect(page.getByTestId('row-counts')).toHaveText('20 rows · 0 with something to fix · 0 left out');

	await expect(page.getByTestId('import-title')).toHaveValue('msel 20 rows');
	await page.getByTestId('import-title').fill('Blue Horizon night drill');
	await expect(page.getByTestId('import-run')).toHaveText('Import 20 rows as a new draft');
	await page.getByTestId('import-run').click();
	await page.waitForURL(/\/studio\/blue-horizon-night-drill/);
	await expect(page.getByTestId('studio-scenario-title')).toHaveText('Blue Horizon night drill');
	await expect(page.getByTestId('studio-version')).toContainText('Version 1');

	// The draft as stored: 20 injects, the decisions and the two branches, two teams, two objectives.
	const key = new URL(page.url()).pathname.split('/').pop()!;
	const stored = await page.evaluate(async (k) => {
		const token = (JSON.parse(localStorage.getItem('crosscurrent.session')!) as { token: string }).token;
		const res = await fetch(`/api/studio/scenarios/${k}`, { headers: { authorization: `Bearer ${token}` } });
		return ((await res.json()) as { version: { source: string } }).version.source;
	}, key);
	const scenario = parse(stored) as {
		teams: { name: string }[];
		objectives: { name: string }[];
		injects: {
			number: number;
			to: string[];
			controllerNote?: string;
			expectedAction?: string;
			decision?: { options: unknown[] };
			trigger?: Record<string, string>;
		}[];
	};
	expect(scenario.injects).toHaveLength(20);
	expect(scenario.teams.map((t) => t.name)).toEqual(['Coast Guard', 'Customs and Excise']);
	expect(scenario.objectives.map((o) => o.name)).toEqual(['Detect and share', 'Lawful interdiction']);
	expect(scenario.injects.filter((i) => i.decision).map((i) => [i.number, i.decision!.options.length])).toEqual([
		[6, 3],
		[12, 2]
	]);
	expect(scenario.injects.find((i) => i.number === 4)!.to).toEqual(['coast-guard']);
	expect(scenario.injects.find((i) => i.number === 14)!.trigger).toMatchObject({ option: 'shadow-it-and-alert-the-neighbouring-state' });
	expect(scenario.injects.find((i) => i.number === 15)!.trigger).toHaveProperty('missed');
	expect(scenario.injects.find((i) => i.number === 2)!.expectedAction).toBe('Log the report and task a patrol asset to investigate.');
	expect(scenario.injects.find((i) => i.number === 8)!.controllerNote).toBe('Play the reporter as persistent but polite.');

	// Its problems are what a sheet cannot carry: the summary, the teams' agency and state, the objectives' capability.
	await expect(page.getByTestId('problem').first()).toBeVisible();
	await page.getByTestId('view-teams').click();
	await expect(page.getByTestId('team-row')).toHaveCount(2);
	await expect(page.getByTestId('objective-row')).toHaveCount(2);

	// The same headers again: the mapping chosen last time comes back, the three hand-mapped columns included.
	await page.goto('/studio/import');
	await page.getByTestId('sheet-file').setInputFiles(FIXTURE);
	await expect(page.getByTestId('mapping-remembered')).toBeVisible();
	await expect(column(page, 'Follows')).toHaveValue('trigger');
	await expect(column(page, 'Remarks for controllers')).toHaveValue('controllerNote');

	expect(errors).toEqual([]);
	expect(outside).toEqual([]);
});

test('the import page reads a CSV and says, in the reader’s language, what is wrong with each row', async ({ browser }) => {
	const { page, errors } = await newPage(browser);
	await signInToImport(page);
	await page.getByTestId('language').selectOption('fr');
	await expect(page.locator('h1')).toHaveText('Importer un tableur');
	await expect(page.getByTestId('sheet-file-name')).toHaveText('Aucun fichier choisi pour l’instant.');
	const csv = ['Heure;Destinataire;Canal;De;Titre;Texte', '0:10;Garde-côtes;VHF;Pêcheur;Vedette rapide;Une vedette sans feux.', 'bientôt;;Pigeon;;;'].join(
		'\n'
	);
	await page.getByTestId('sheet-file').setInputFiles({ name: 'exercice.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
	await expect(page.getByTestId('column-row')).toHaveCount(6);
	await expect(column(page, 'Heure')).toHaveValue('time');
	await expect(column(page, 'Destinataire')).toHaveValue('teams');
	const bad = page.locator('[data-testid="check-row"][data-row="3"]');
	await expect(bad.locator('[data-code="bad-time"]')).toContainText('« bientôt »');
	await expect(bad).toContainText('Aucune équipe à qui l’envoyer.');
	await expect(bad).toContainText('Pas de texte du stimulus.');
	await expect(bad.locator('[data-code="unknown-channel"]')).toContainText('« Pigeon »');
	await expect(bad.locator('[data-code="unknown-channel"]')).toContainText('Courriel');
	// Left out, it no longer counts; the other row imports once its team is confirmed.
	await bad.getByTestId('include-row').uncheck();
	await page.getByTestId('confirm-all-teams').click();
	await expect(page.getByTestId('import-run')).toBeEnabled();
	expect(await accessibilityProblems(page)).toEqual([]);
	expect(errors).toEqual([]);
});
