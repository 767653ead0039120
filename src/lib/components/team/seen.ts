/**
 * A Svelte action: calls `onseen` once an element has been in view for `dwellMs` while `active` (the reader had
 * time to see it: its tab shown, the page visible). "In view": half of it, or, for a card taller than the view,
 * a good part of the view.
 */
export interface SeenParams {
	onseen: () => void;
	active: boolean;
	dwellMs?: number;
}

export function seen(node: HTMLElement, params: SeenParams) {
	let current = params;
	let inView = false;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const stop = () => {
		if (timer) clearTimeout(timer);
		timer = null;
	};
	const arm = () => {
		if (!inView || !current.active) return stop();
		timer ??= setTimeout(() => {
			timer = null;
			if (inView && current.active) current.onseen();
		}, current.dwellMs ?? 1000);
	};
	const observer = new IntersectionObserver(
		([entry]) => {
			inView = Boolean(
				entry?.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= (entry.rootBounds?.height ?? innerHeight) * 0.4)
			);
			arm();
		},
		{ threshold: [0, 0.25, 0.5, 0.75, 1] }
	);
	observer.observe(node);
	return {
		update(next: SeenParams) {
			current = next;
			arm();
		},
		destroy() {
			stop();
			observer.disconnect();
		}
	};
}
