/**
 * Each exercise has its own addresses (/control/ID, /review/ID, /review/ID/aar); links from before, which named
 * the exercise in the query (?exercise=ID), go to them. An evaluator's /review with no id shows their own exercise.
 */
import { expect, test } from './fixtures';
import { createExercise, exerciseIdOf, newPage } from './pages';

test('exercise addresses, and old ?exercise= links redirected to them', async ({ browser }) => {
	const controller = await newPage(browser);
	const evaluator = await newPage(browser);
	const c = controller.page;
	await createExercise(c, 'maritime-trafficking-southern-caribbean');
	const id = exerciseIdOf(c);
	const evaluatorCode = await c.getByTestId('evaluator-code').innerText();
	await expect(c.getByTestId('review-link')).toHaveAttribute('href', `/review/${id}`);

	// Back to the list, and into the exercise again from it.
	await c.getByTestId('back').click();
	await c.waitForURL('**/control');
	// Other tests' exercises may be on the list too (one server per run).
	await c.locator(`[data-testid="exercise-row"][data-exercise-id="${id}"]`).getByRole('button', { name: 'Open' }).click();
	await c.waitForURL(`**/control/${id}`);
	await expect(c.getByTestId('exercise-status')).toHaveText('setup');

	for (const [old, now] of [
		[`/control?exercise=${id}`, `/control/${id}`],
		[`/review?exercise=${id}`, `/review/${id}`],
		[`/review/aar?exercise=${id}`, `/review/${id}/aar`]
	]) {
		await c.goto(old);
		await c.waitForURL((url) => url.pathname === now && url.search === '');
		await expect(now.endsWith('/aar') ? c.getByTestId('aar') : c.getByTestId('exercise-status')).toBeVisible();
	}

	// An evaluator joins and lands on /review: their own exercise, with no id in the address.
	const e = evaluator.page;
	await e.goto('/');
	await e.getByTestId('join-code').fill(evaluatorCode);
	await e.getByTestId('join-name').fill('Evaluator Joseph');
	await e.getByTestId('join-submit').click();
	await e.waitForURL('**/review');
	await expect(e.getByTestId('connection')).toHaveText('online');
	await expect(e.getByTestId('exercise-status')).toHaveText('setup');
	await e.getByTestId('tab-exports').click();
	await expect(e.getByTestId('open-aar')).toHaveAttribute('href', `/review/${id}/aar`);
	await e.goto('/review/aar');
	await expect(e.getByTestId('aar')).toBeVisible();

	for (const page of [controller, evaluator]) expect(page.errors).toEqual([]);
});
