/**
 * Longer words do not break the layout. German-length text (about 30 % longer than English, with long compound
 * words) is what a layout tuned in English meets first; our own five languages run up to 25 % longer. Rather than a
 * sixth, fake catalogue, the test lengthens every text on the page where it stands: each word grows by a third
 * (one letter in three doubled, so words stay words and get longer, as German compounds do), then the same checks
 * as the layout test run: no card narrower than its content, no page scrolling sideways, at a laptop's 1400×900
 * and a phone's 390×844. Play is paused first, so nothing re-renders the lengthened text away.
 */
import { expect, test, type Page } from './fixtures';
import { overflowingCards } from './checks';
import { createExercise, exerciseIdOf, joinTeam, newPage } from './pages';

const VIEWPORTS = [
	{ width: 1400, height: 900 },
	{ width: 390, height: 844 }
];

/** Lengthens every visible text on the page by about 30 %, word by word; returns how many characters it added. */
function lengthenText(page: Page): Promise<{ before: number; after: number }> {
	return page.evaluate(() => {
		let before = 0;
		let after = 0;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
			acceptNode: (node) => {
				const parent = node.parentElement;
				if (!parent || ['SCRIPT', 'STYLE', 'TEXTAREA', 'OPTION'].includes(parent.tagName) || parent.closest('svg, canvas, [data-testid="exercise-clock"]'))
					return NodeFilter.FILTER_REJECT;
				return /[A-Za-zÀ-ÿ]{2}/.test(node.textContent ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
			}
		});
		const nodes: Text[] = [];
		for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
		for (const node of nodes) {
			const text = node.data;
			const longer = text.replace(/[A-Za-zÀ-ÿ]+/g, (word) => [...word].map((ch, k) => (k % 3 === 0 ? ch + ch : ch)).join(''));
			before += text.length;
			after += longer.length;
			node.data = longer;
		}
		// Labels of buttons and fields drawn from attributes grow too.
		for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]'))
			el.placeholder = `${el.placeholder} ${el.placeholder.slice(0, Math.ceil(el.placeholder.length / 3))}`;
		return { before, after };
	});
}

async function lookLonger(page: Page, name: string) {
	for (const viewport of VIEWPORTS) {
		await page.reload();
		await page.setViewportSize(viewport);
		await expect(page.locator('body')).not.toBeEmpty();
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(400);
		const grown = await lengthenText(page);
		expect(grown.after / grown.before, `${name}: the text grew by about 30 %`).toBeGreaterThan(1.25);
		await page.waitForTimeout(200);
		expect.soft(await overflowingCards(page), `${name} with longer text at ${viewport.width}×${viewport.height}`).toEqual([]);
		await page.screenshot({ path: test.info().outputPath(`${name}-long-${viewport.width}x${viewport.height}.png`) });
	}
}

test('German-length text does not break the join page, the exercise list, the control room, a team page or the review', async ({ browser }) => {
	test.setTimeout(300_000);
	const controller = await newPage(browser);
	const member = await newPage(browser);
	const c = controller.page;
	await c.goto('/');
	await expect(c.getByTestId('join-code')).toBeVisible();
	await lookLonger(c, 'join');
	const code = await createExercise(c, 'maritime-trafficking-southern-caribbean');
	await joinTeam(member.page, await code('tt-coast-guard'), 'Duty officer');
	await c.getByTestId('start').click();
	await expect(member.page.getByTestId('decision').first()).toBeVisible();
	await c.getByTestId('pause').click();
	await expect(member.page.getByTestId('exercise-status')).toHaveAttribute('data-status', 'paused');
	const id = exerciseIdOf(c);
	await lookLonger(c, 'control');
	await lookLonger(member.page, 'play');
	await c.goto(`/review/${id}`);
	await lookLonger(c, 'review');
	await c.goto('/control');
	await lookLonger(c, 'exercise-list');
	for (const page of [controller, member]) expect(page.errors).toEqual([]);
});
