/**
 * The server dies under four open pages and comes back: a controller, two teams in the middle of a decision (one on
 * a phone) and an evaluator. The server is this test's own (not the run's shared one), so it can be killed with
 * SIGKILL and started again on the same port and database. Every page says it is reconnecting, none is reloaded,
 * and each comes back by itself. A decision submitted during the outage waits for the connection: it is applied
 * exactly once when the server is back in time, and refused in plain words when it is not — and then can be made
 * again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';
import { freePort, startServer, type RunningServer } from '../integration/harness';
import { expect, test } from './fixtures';
import { createExercise, joinTeam } from './pages';
import { open, ask } from './team-seat';

test('pages ride out a server crash and restart without a reload; decisions sent meanwhile apply once or are refused', async ({ browser }) => {
	test.setTimeout(150_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'crosscurrent-recovery-'));
	const port = await freePort();
	const serve = () => startServer({ dbFile: path.join(dir, 'crosscurrent.db'), port, env: { CONTROLLER_KEY: E2E_CONTROLLER_KEY, SCENARIOS_DIR: 'scenarios' } });
	let server: RunningServer = await serve();
	const baseURL = server.url;
	const pageAt = async (b: Browser, viewport = { width: 1400, height: 900 }) => (await b.newContext({ baseURL, viewport })).newPage();
	try {
		const controller = await pageAt(browser);
		const coastGuard = await pageAt(browser, { width: 1920, height: 1080 });
		const customs = await pageAt(browser, { width: 390, height: 844 });
		const evaluator = await pageAt(browser);
		const pages: [string, Page][] = [
			['controller', controller],
			['coast guard', coastGuard],
			['customs (phone)', customs],
			['evaluator', evaluator]
		];

		const codeOf = await createExercise(controller, 'maritime-trafficking-southern-caribbean');
		const exerciseId = new URL(controller.url()).pathname.split('/').at(-1)!;
		await joinTeam(coastGuard, await codeOf('tt-coast-guard'), 'Lt Baptiste');
		await joinTeam(customs, await codeOf('tt-customs'), 'Officer Ramdin');
		const evaluatorCode = await controller.getByTestId('evaluator-code').innerText();
		await evaluator.goto('/');
		await evaluator.getByTestId('join-code').fill(evaluatorCode);
		await evaluator.getByTestId('join-name').fill('Evaluator Joseph');
		await evaluator.getByTestId('join-submit').click();
		await evaluator.waitForURL('**/review');

		// Both teams have a decision open and an answer chosen, not yet sent.
		await controller.getByTestId('start').click();
		await controller.locator('[data-testid="msel-row"][data-inject-id="customs-evidence"]').getByTestId('release').click();
		const tip = coastGuard.locator('[data-testid="decision"][data-inject-id="rifc-tipoff"]');
		const evidence = customs.locator('[data-testid="decision"][data-inject-id="customs-evidence"]');
		await expect(tip).toHaveAttribute('data-status', 'open');
		await expect(evidence).toHaveAttribute('data-status', 'open');
		await tip.locator('input[value="share-and-launch"]').check();
		await evidence.locator('input[value="seal-and-log"]').check();
		for (const [, page] of pages) {
			await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
			// A mark that a reload would wipe.
			await page.evaluate(() => ((window as unknown as { __beforeCrash: boolean }).__beforeCrash = true));
		}

		// The server dies: every page says it is reconnecting.
		await server.stop('SIGKILL');
		for (const [who, page] of pages) {
			await expect(page.getByTestId('connection'), who).toHaveText('reconnecting…');
			// In sight even where the bar has scrolled away (the phone).
			await expect(page.getByTestId('connection-lost'), who).toHaveText('Connection lost — reconnecting…');
			await expect(page.getByTestId('connection-lost').locator('p'), who).toBeInViewport();
		}

		// Customs sends its decision and the server stays down longer than a request waits for it: the page says it
		// is waiting, then refuses in plain words, the answer still chosen.
		await evidence.getByTestId('submit-decision').click();
		await expect(evidence.getByTestId('decision-sending')).toHaveText('Sending your answer… If the connection is down, it goes as soon as it is back.');
		await expect(evidence.getByRole('alert')).toHaveText('The server cannot be reached. Check the network connection; the page keeps trying to reconnect.', {
			timeout: 30_000
		});
		await expect(evidence).toHaveAttribute('data-status', 'open');
		await expect(evidence.locator('input[value="seal-and-log"]')).toBeChecked();

		// The coast guard sends its decision, and the server is back while it waits: it is applied, once.
		await tip.getByTestId('submit-decision').click();
		await expect(tip.getByTestId('decision-sending')).not.toBeEmpty();
		server = await serve();
		await expect(tip).toHaveAttribute('data-status', 'decided', { timeout: 20_000 });
		for (const [who, page] of pages) {
			await expect(page.getByTestId('connection'), who).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
			await expect(page.getByTestId('connection-lost'), who).toBeEmpty();
			expect(await page.evaluate(() => (window as unknown as { __beforeCrash?: boolean }).__beforeCrash), `${who} was not reloaded`).toBe(true);
		}

		// Customs tries again once back: it goes through.
		await evidence.getByTestId('submit-decision').click();
		await expect(evidence).toHaveAttribute('data-status', 'decided');
		await expect(controller.getByTestId('exercise-status')).toHaveText('running');
		await expect(evaluator.getByTestId('exercise-status')).toHaveText('running');

		// The log holds each team's decision exactly once, and the exercise's recovery after the crash.
		const socket = await open(server.url);
		try {
			await ask(socket, 'session:controller', { key: E2E_CONTROLLER_KEY, name: 'Log reader' });
			const { events } = (await ask(socket, 'exercise:open', { exerciseId })) as { events: { type: string; team?: string }[] };
			const decisions = events.filter((e) => e.type === 'decision.submitted').map((e) => e.team);
			expect(decisions.sort()).toEqual(['tt-coast-guard', 'tt-customs']);
			expect(events.filter((e) => e.type === 'exercise.recovered')).toHaveLength(1);
		} finally {
			socket.disconnect();
		}
	} finally {
		await server.stop('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
