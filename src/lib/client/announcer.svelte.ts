/**
 * Spoken notices for one page: two live regions' texts (polite, and assertive for a decision with a deadline)
 * and the last notice for sighted readers. Saying the same words twice is read out twice (the region is
 * emptied first).
 */
export class Announcer {
	polite = $state('');
	assertive = $state('');
	/** The last notice, shown on screen for a while. */
	shown = $state<{ text: string; urgent: boolean } | null>(null);
	#clear: ReturnType<typeof setTimeout> | null = null;

	say(text: string, urgent = false) {
		this.polite = '';
		this.assertive = '';
		// A fresh text node in the next task is what screen readers notice.
		setTimeout(() => {
			if (urgent) this.assertive = text;
			else this.polite = text;
		}, 60);
		this.shown = { text, urgent };
		if (this.#clear) clearTimeout(this.#clear);
		this.#clear = setTimeout(() => (this.shown = null), 12_000);
	}

	destroy() {
		if (this.#clear) clearTimeout(this.#clear);
	}
}
