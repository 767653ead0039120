/**
 * Checks any e2e test can run on the page it has reached: nothing cut off or scrolling sideways, and no serious
 * or critical accessibility violation (axe-core, injected from node_modules so nothing is fetched).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/** Every visible card that is narrower than its content or sticks out of the box clipping it, described. */
export function overflowingCards(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const viewport = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > viewport + 1)
			problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${viewport} px)`);
		const clipOf = (el: Element): { left: number; right: number } => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
				if (getComputedStyle(p).overflowX !== 'visible') return p.getBoundingClientRect();
			return { left: 0, right: viewport };
		};
		for (const card of document.querySelectorAll<HTMLElement>('.panel, [data-testid="decision"], [data-card]')) {
			const box = card.getBoundingClientRect();
			if (box.width === 0) continue;
			const name = card.dataset.testid ?? card.getAttribute('aria-label') ?? card.querySelector('h2')?.textContent ?? card.className;
			if (card.scrollWidth > card.clientWidth + 1) problems.push(`${name}: content ${card.scrollWidth} px wide in a ${card.clientWidth} px card`);
			const clip = clipOf(card);
			if (box.right > clip.right + 1 || box.left < clip.left - 1)
				problems.push(
					`${name}: card spans ${Math.round(box.left)}–${Math.round(box.right)} px, its container shows ${Math.round(clip.left)}–${Math.round(clip.right)} px`
				);
		}
		return problems;
	});
}

const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations on the page as it is now, one line each (rule: first offending nodes). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
	// Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline script.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SOURCE_PATH, 'utf8'));
	const violations = await page.evaluate(async () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const axe = (window as any).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
		}));
	});
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`);
}
