/** Browser contexts for the e2e tests: a page per role, with its errors collected, and the ways in. */
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_CONTROLLER_KEY } from '../../playwright.config';

export interface Watched {
	page: Page;
	/** Console errors and uncaught exceptions seen on the page. */
	errors: string[];
}

export async function newPage(browser: Browser): Promise<Watched> {
	const page = await (await browser.newContext()).newPage();
	const errors: string[] = [];
	page.on('pageerror', (err) => errors.push(err.message));
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	return { page, errors };
}

/** A team member joins with a code and lands on /play, online. */
export async function joinTeam(page: Page, code: string, name: string) {
	await page.goto('/');
	await page.getByTestId('join-code').fill(code);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	await page.waitForURL('**/play');
	await expect(page.getByTestId('connection')).toHaveText('online');
}

/** The controller signs in and creates an exercise of `scenarioId`; returns a team's join code by team id. */
export async function createExercise(page: Page, scenarioId: string): Promise<(team: string) => Promise<string>> {
	await page.goto('/');
	await page.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await page.getByTestId('controller-submit').click();
	await page.waitForURL('**/control');
	await page.locator(`[data-scenario-id="${scenarioId}"]`).getByTestId('create-exercise').click();
	await page.waitForURL(/\/control\/[a-z0-9-]+$/);
	await expect(page.getByTestId('exercise-status')).toHaveText('setup');
	return (team) => page.locator(`[data-testid="team-code"][data-team="${team}"]`).innerText();
}

/** The id of the exercise a control room or review page shows, from its address. */
export function exerciseIdOf(page: Page): string {
	const id = /\/(?:control|review)\/([a-z0-9-]+)/.exec(new URL(page.url()).pathname)?.[1];
	if (!id) throw new Error(`no exercise id in ${page.url()}`);
	return id;
}

/**
 * Where the map draws an entity, in page pixels (null when it is not on the map). Reads the map's test hook
 * (`__entityPoint` on the map container, see ExerciseMap.svelte): map symbols are drawn on a canvas, not in the DOM.
 */
export async function entityOnMap(page: Page, id: string, map = page.getByTestId('exercise-map')): Promise<{ x: number; y: number } | null> {
	return map.evaluate((el, entityId) => {
		const hook = (el as HTMLElement & { __entityPoint?: (id: string) => { x: number; y: number } | null }).__entityPoint;
		const at = hook?.(entityId);
		if (!at) return null;
		const box = el.getBoundingClientRect();
		return { x: box.left + at.x, y: box.top + at.y };
	}, id);
}

/** A controller signs in as `name` and opens the scenario studio's library. */
export async function signInToStudio(page: Page, name: string) {
	await page.goto('/');
	await page.locator('input[name="controller-name"]').fill(name);
	await page.getByTestId('controller-key').fill(E2E_CONTROLLER_KEY);
	await page.getByTestId('controller-submit').click();
	await page.waitForURL('**/control');
	await page.getByTestId('to-studio').click();
	await page.waitForURL('**/studio');
}

/** From the studio's library, opens the bundled scenario `key` and copies it to edit; the copy's editor is open. */
export async function openCopyOf(page: Page, key: string) {
	await page.locator(`[data-testid="library-row"][data-key="${key}"]`).getByRole('button', { name: 'Open' }).click();
	await page.getByTestId('studio-copy').click();
	await page.waitForURL((url) => url.pathname.startsWith('/studio/') && !url.pathname.endsWith(`/${key}`));
	await expect(page.getByTestId('studio-save')).toBeVisible();
}
