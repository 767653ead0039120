/**
 * The after-action report: outcome figures for the scenario, the narrative the evaluator writes (kept by the
 * server), unrated teams collapsed, maps at key moments, a printed PDF with page numbers, and a Word file that
 * is a real .docx holding the exercise, its objectives, and the maps and charts as captioned images. Checked for
 * cut-off cards and accessibility at three sizes.
 */
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { accessibilityProblems, overflowingCards } from './checks';
import { createExercise, newPage } from './pages';

test('the AAR shows outcomes and the narrative, prints with page numbers and downloads as Word', async ({ browser }, testInfo) => {
	test.setTimeout(120_000);
	const { page: controller } = await newPage(browser);
	await createExercise(controller, 'maritime-trafficking-southern-caribbean');
	const evaluatorCode = await controller.getByTestId('evaluator-code').innerText();
	const context = await browser.newContext({ acceptDownloads: true });
	const evaluator = await context.newPage();
	const errors: string[] = [];
	evaluator.on('pageerror', (e) => errors.push(e.message));
	await evaluator.goto('/');
	await evaluator.getByTestId('join-code').fill(evaluatorCode);
	await evaluator.getByTestId('join-name').fill('Evaluator Joseph');
	await evaluator.getByTestId('join-submit').click();
	await evaluator.waitForURL('**/review');
	await controller.getByTestId('start').click();
	await controller.getByTestId('speed').selectOption('60');
	await evaluator.locator('[data-testid="rating-cell"][data-team="tt-coast-guard"][data-objective="detect-and-share"]').click();
	await evaluator.getByTestId('rating-P').check();
	await evaluator.getByTestId('rating-explanation').fill('Passed the tip-off on at once, with its caveats.');
	await evaluator.getByTestId('rating-save').click();
	await expect(controller.getByTestId('exercise-clock')).not.toHaveText(/^00:0[0-4]:/, { timeout: 30_000 });
	await controller.getByTestId('pause').click();
	await controller.getByTestId('end').click();
	await controller.getByRole('dialog', { name: 'End the exercise?' }).getByTestId('confirm-accept').click();
	await expect(evaluator.getByTestId('exercise-status')).toHaveText('ended');

	await evaluator.getByTestId('tab-exports').click();
	const href = await evaluator.getByTestId('open-aar').getAttribute('href');
	await evaluator.goto(href!);
	const aar = evaluator.getByTestId('aar');
	await expect(aar).toBeVisible();

	// Outcome figures for a trafficking scenario.
	const outcomes = evaluator.getByTestId('aar-outcomes');
	await expect(outcomes).toContainText('Suspect craft stopped (load seized)');
	await expect(outcomes).toContainText('of 2');
	await expect(outcomes).toContainText('Unidentified go-fast');
	await expect(evaluator.getByTestId('map-snapshot').first()).toBeVisible();

	// The narrative: written here, kept by the server (it is there after a reload).
	const summary = 'The tip-off reached Grenada within minutes; nobody asked for an acknowledgement.';
	await evaluator.getByTestId('narrative-summary-input').fill(summary);
	await evaluator.getByTestId('narrative-summary-save').click();
	await expect(evaluator.getByTestId('narrative-summary')).toContainText('Saved by');
	// A generated starting point is offered, marked, and only inserted on request.
	const strengths = evaluator.getByTestId('narrative-strengths-detect-and-share');
	await expect(strengths.getByTestId('narrative-strengths-detect-and-share-input')).toHaveValue('');
	await strengths.locator('summary').click();
	await expect(strengths).toContainText('generated');
	await strengths.getByTestId('narrative-strengths-detect-and-share-insert').click();
	await expect(strengths.getByTestId('narrative-strengths-detect-and-share-input')).toHaveValue(/Passed the tip-off on at once/);
	await strengths.getByTestId('narrative-strengths-detect-and-share-save').click();
	await expect(strengths).toContainText('Saved by');
	await evaluator.reload();
	await expect(evaluator.getByTestId('narrative-summary-input')).toHaveValue(summary);
	await expect(evaluator.getByTestId('narrative-strengths-detect-and-share-input')).toHaveValue(/Passed the tip-off on at once/);

	// Unrated teams are one line per objective, not a paragraph per team.
	const objectives = await evaluator.getByTestId('aar-objective').count();
	expect(objectives).toBeGreaterThan(0);
	await expect(evaluator.getByTestId('aar-unrated')).toHaveCount(objectives);
	expect((await aar.innerText()).match(/Not rated/g)?.length ?? 0).toBeLessThanOrEqual(objectives);

	for (const viewport of [
		{ width: 1400, height: 900 },
		{ width: 1920, height: 1080 },
		{ width: 390, height: 844 }
	]) {
		await evaluator.setViewportSize(viewport);
		await evaluator.waitForTimeout(150);
		expect(await overflowingCards(evaluator), `AAR at ${viewport.width}: cut-off cards`).toEqual([]);
		expect(await accessibilityProblems(evaluator), `AAR at ${viewport.width}: accessibility`).toEqual([]);
	}
	await evaluator.setViewportSize({ width: 1400, height: 900 });

	// Word: a real .docx with the exercise's title and its objectives.
	const title = (await evaluator.locator('h1').innerText()).trim();
	const [download] = await Promise.all([evaluator.waitForEvent('download'), evaluator.getByTestId('export-docx').click()]);
	expect(download.suggestedFilename()).toMatch(/^AAR-IP-.*\.docx$/);
	const docx = testInfo.outputPath('aar.docx');
	await download.saveAs(docx);
	const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
	expect(xml).toContain(title);
	expect(xml).toContain('Objective: Detect and share');
	expect(xml).toContain(summary);
	expect(xml).toContain('Improvement plan');
	// Every map and every drawn chart is an image in it, each captioned; the charts in the analysis of capabilities.
	const maps = await evaluator.getByTestId('map-snapshot').count();
	const charts = await evaluator.locator('[data-testid="aar-chart"] svg[role="img"]').count();
	expect(charts).toBeGreaterThan(0);
	const media = execFileSync('unzip', ['-l', docx], { encoding: 'utf8' }).match(/word\/media\/\S+\.png/g) ?? [];
	expect(media).toHaveLength(maps + charts);
	expect(xml).toMatch(/Figure \d+\. Information sharing: messages passed between teams/);
	expect(xml.indexOf('Analysis of capabilities')).toBeLessThan(xml.indexOf('Information sharing: messages passed'));
	// Real pictures, not empty parts.
	const sizes = media.map((m) => execFileSync('file', ['-b', '-'], { input: execFileSync('unzip', ['-p', docx, m]) }).toString());
	for (const size of sizes) expect(size).toMatch(/^PNG image data, \d+ x \d+/);

	// Print: margins and "Page N of M" on every page, the narrative in, the buttons and text boxes out.
	const pdf = testInfo.outputPath('aar.pdf');
	await evaluator.emulateMedia({ media: 'print' });
	await evaluator.pdf({ path: pdf, format: 'A4', printBackground: true });
	const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
	expect(pages).toBeGreaterThan(1);
	for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
	expect(text).toContain(summary);
	expect(text).toContain('Outcomes');
	expect(text).not.toContain('Download Word');
	expect(text).not.toContain('Starting point from the record');
	expect(errors).toEqual([]);
});
