/**
 * Text from scenarios and from people (names) is shown as text: nothing in it
 * runs, and the Content-Security-Policy blocks inline script outright.
 */
import { expect, test } from './fixtures';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';

const HOSTILE_NAME = `Mallory <img src=x onerror="window.__xss='name'"><script>window.__xss='name2'</script>`;

test('script in scenario text and names never executes', async ({ browser }) => {
	const controller = await (await browser.newContext()).newPage();
	const team = await (await browser.newContext()).newPage();
	const dialogs: string[] = [];
	for (const p of [controller, team]) p.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));

	const response = await controller.goto('/');
	const csp = response!.headers()['content-security-policy'];
	expect(csp).toContain("script-src 'self'");
	expect(csp).toContain("object-src 'none'");
	expect(csp).not.toContain('unsafe-eval');

	await controller.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await controller.getByTestId('controller-submit').click();
	await controller.waitForURL('**/control');
	const scenario = controller.locator('[data-scenario-id="hostile-text-fixture"]');
	await expect(scenario).toContainText("<script>window.__xss = 'title'</script>");
	await scenario.getByTestId('create-exercise').click();
	const code = await controller.locator('[data-testid="team-code"][data-team="red-team"]').innerText();
	// The in-page confirmation quotes the inject's title as text too; cancelled, the inject stays on the MSEL.
	const row = controller.locator('[data-testid="msel-row"][data-inject-id="hostile"]');
	await row.getByTestId('skip').click();
	const confirmSkip = controller.getByRole('dialog', { name: 'Skip this inject?' });
	await expect(confirmSkip.getByTestId('confirm-quote')).toHaveText(`Title <img src=x onerror="window.__xss='inject-title'">`);
	await confirmSkip.getByTestId('confirm-cancel').click();
	await expect(confirmSkip).toHaveCount(0);
	await expect(row).toHaveAttribute('data-status', 'pending');

	await team.goto('/');
	await team.getByTestId('join-code').fill(code);
	await team.getByTestId('join-name').fill(HOSTILE_NAME);
	await team.getByTestId('join-submit').click();
	await team.waitForURL('**/play');
	await controller.getByTestId('start').click();

	const inject = team.locator('[data-testid="inject"][data-inject-id="hostile"]');
	await expect(inject).toContainText(`Body <script>window.__xss='body'</script>`);
	await expect(team.getByTestId('team-name')).toContainText('<svg onload=');
	await expect(team.getByTestId('exercise-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
	await expect(team.locator('[data-testid="map-list"] [data-entity-id="boat"]')).toContainText('<img src=x');
	const decision = team.locator('[data-testid="decision"][data-inject-id="hostile"]');
	await decision.locator('input[value="a"]').check();
	await decision.getByTestId('submit-decision').click();
	await expect(decision.getByTestId('decision-result')).toContainText('Mallory <img src=x');
	await expect(controller.getByTestId('timeline')).toContainText('Title <img src=x');
	// The controller's presence list shows the hostile name as text, too.
	await expect(controller.getByTestId('presence')).toContainText('Mallory <img');

	// Even script added to the page at run time is refused by the policy.
	const blocked = await team.evaluate(
		() =>
			new Promise<string>((resolve) => {
				document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
				const s = document.createElement('script');
				s.textContent = "window.__xss = 'injected'";
				document.body.appendChild(s);
				setTimeout(() => resolve('no violation'), 2000);
			})
	);
	expect(blocked).toMatch(/script-src/);

	for (const p of [controller, team]) expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
	expect(dialogs).toEqual([]);
});
