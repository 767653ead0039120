/**
 * A leaked code and an unwanted member, during play: the controller removes a participant on a phone (who lands on
 * the join page saying why, and whose old token no export accepts), then gives the coast guard a new code and signs
 * out everyone who joined with the old one (the other participant is signed out; the old code no longer joins; the
 * new one does), and gives the evaluators a new code without signing anyone out (the evaluator keeps their seat).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createExercise, joinTeam } from './pages';

const PHONE = { width: 390, height: 844 };

/** The token this browser holds (read before it loses it). */
const tokenOf = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('crosscurrent.session') ?? '{}') as { token?: string }).token ?? '');

/** Types a code on the join page and returns the refusal shown. */
async function tryCode(page: Page, code: string, name: string) {
	await page.goto('/');
	await page.getByTestId('join-code').fill(code);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	return page.getByTestId('join-error');
}

test('a controller removes a member and replaces leaked codes during play; the removed lose access at once', async ({ browser }) => {
	test.setTimeout(120_000);
	const controller = await (await browser.newContext()).newPage();
	const deck = await (await browser.newContext()).newPage();
	const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
	const evaluator = await (await browser.newContext()).newPage();

	const codeOf = await createExercise(controller, 'maritime-trafficking-southern-caribbean');
	const exerciseId = new URL(controller.url()).pathname.split('/').at(-1)!;
	const coastGuardCode = await codeOf('tt-coast-guard');
	const evaluatorCode = await controller.getByTestId('evaluator-code').innerText();
	await joinTeam(deck, coastGuardCode, 'Lt Baptiste');
	await joinTeam(phone, coastGuardCode, 'Cpl Mohammed');
	await evaluator.goto('/');
	await evaluator.getByTestId('join-code').fill(evaluatorCode);
	await evaluator.getByTestId('join-name').fill('Evaluator Joseph');
	await evaluator.getByTestId('join-submit').click();
	await evaluator.waitForURL('**/review');
	await controller.getByTestId('start').click();
	await expect(deck.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]')).toHaveAttribute('data-status', 'open');

	// The controller removes the phone participant, confirming in a dialog that names them and their team.
	const phoneToken = await tokenOf(phone);
	await controller.getByTestId('tab-codes').click();
	const coastGuard = controller.locator('[data-testid="members"][data-group="tt-coast-guard"]');
	await expect(coastGuard.getByTestId('member')).toHaveCount(2);
	await coastGuard.getByRole('button', { name: /Cpl Mohammed/ }).click();
	const confirmRemove = controller.getByRole('dialog', { name: /Remove Cpl Mohammed/ });
	await expect(confirmRemove).toContainText('Trinidad and Tobago Coast Guard');
	await confirmRemove.getByTestId('confirm-accept').click();
	await expect(controller.getByTestId('remove-done')).toContainText('Cpl Mohammed');

	// The phone lands on the join page saying why; its old token opens no export.
	await phone.waitForURL((url) => url.pathname === '/' && url.searchParams.get('revoked') === 'removed');
	await expect(phone.getByTestId('revoked-notice')).toContainText('A controller removed you from this exercise.');
	await expect(phone.getByTestId('revoked-notice')).toBeInViewport();
	const exportReply = await phone.request.get(`/api/exercises/${exerciseId}/events.json`, { headers: { authorization: `Bearer ${phoneToken}` } });
	expect(exportReply.status()).toBe(403);
	expect(await exportReply.json()).toMatchObject({ code: 'session-revoked' });
	expect(await tokenOf(phone)).toBe('');

	// The other coast guard member plays on.
	await expect(coastGuard.getByTestId('member')).toHaveCount(1);
	await expect(deck.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const tip = deck.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]');
	await tip.locator('input[value="share-and-launch"]').check();
	await tip.getByTestId('submit-decision').click();
	await expect(tip).toHaveAttribute('data-status', 'decided');

	// The coast guard's code has leaked: a new one, and everyone who joined with the old one signed out.
	await controller.locator('[data-testid="rotate-code"][data-row="tt-coast-guard"]').click();
	const confirmRotate = controller.getByRole('dialog', { name: /Trinidad and Tobago Coast Guard/ });
	await confirmRotate.getByTestId('rotate-sign-out').check();
	await confirmRotate.getByTestId('confirm-accept').click();
	const newCode = controller.locator('[data-testid="team-code"][data-team="tt-coast-guard"]');
	await expect(newCode).not.toHaveText(coastGuardCode);
	const fresh = await newCode.innerText();
	await expect(controller.getByTestId('rotate-done')).toContainText(fresh);
	await deck.waitForURL((url) => url.pathname === '/' && url.searchParams.get('revoked') === 'signed-out');
	await expect(deck.getByTestId('revoked-notice')).toContainText('A controller replaced the join code you used');

	// The old code joins nobody; the new one does.
	await expect(await tryCode(phone, coastGuardCode, 'Cpl Mohammed')).toHaveText(
		'That join code was not recognised. Check it with your controller and type it again.'
	);
	await joinTeam(deck, fresh, 'Lt Baptiste');
	await expect(deck.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]')).toHaveAttribute('data-status', 'decided');

	// The evaluators' code is replaced without signing anyone out: the evaluator keeps their seat, the old code is dead.
	await controller.locator('[data-testid="rotate-code"][data-row="evaluator"]').click();
	await controller
		.getByRole('dialog', { name: /Evaluators/i })
		.getByTestId('confirm-accept')
		.click();
	await expect(controller.getByTestId('evaluator-code')).not.toHaveText(evaluatorCode);
	await expect(evaluator.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await evaluator.reload();
	await expect(evaluator.getByTestId('exercise-status')).toHaveText('running');
	const late = await (await browser.newContext()).newPage();
	await expect(await tryCode(late, evaluatorCode, 'Evaluator Late')).toHaveText(
		'That join code was not recognised. Check it with your controller and type it again.'
	);
});
