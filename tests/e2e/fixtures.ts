/**
 * The e2e tests' `test`: Playwright's, with one automatic step after each test — every exercise still running on
 * the run's one server is paused. Otherwise the server keeps ticking them (some at 60×) through every later test,
 * and on 2 cores the last tests of a run took up to five times as long as alone.
 */
import { test as base } from '@playwright/test';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';
import { ask, open } from './team-seat';

async function pauseRunningExercises(url: string) {
	const socket = await open(url);
	try {
		await ask(socket, 'session:controller', { key: E2E_CONTROLLER_KEY, name: 'E2E clean-up' });
		const exercises = (await ask(socket, 'exercise:list', {})) as { id: string; status: string }[];
		for (const e of exercises.filter((x) => x.status === 'running')) await ask(socket, 'exercise:control', { exerciseId: e.id, action: 'pause' });
	} finally {
		socket.disconnect();
	}
}

export const test = base.extend<{ pauseAfter: void }>({
	pauseAfter: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			await use();
			await pauseRunningExercises(`http://127.0.0.1:${process.env.E2E_PORT}`);
		},
		{ auto: true }
	]
});

export { expect, type Browser, type Page } from '@playwright/test';
