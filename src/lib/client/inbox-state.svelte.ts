/**
 * A team member's unread state, live: which inbox items (and messages) they have read, persisted per session in
 * localStorage so a reload or a second tab of the same session keeps it.
 */
import { SvelteSet } from 'svelte/reactivity';
import { parseReadMarks, readMarksKey, serializeReadMarks } from './read-marks';

export class ReadMarks {
	readonly #read: SvelteSet<string>;
	readonly #key: string;

	constructor(exerciseId: string, team: string, name: string) {
		this.#key = readMarksKey(exerciseId, team, name);
		this.#read = new SvelteSet(parseReadMarks(this.#load()));
	}

	has(id: string): boolean {
		return this.#read.has(id);
	}

	/** Marks ids read; returns whether anything changed. */
	mark(ids: Iterable<string>): boolean {
		const fresh = [...ids].filter((id) => !this.#read.has(id));
		if (fresh.length === 0) return false;
		for (const id of fresh) this.#read.add(id);
		try {
			localStorage.setItem(this.#key, serializeReadMarks(this.#read));
		} catch {
			// Storage full or blocked: the marks still hold for this page.
		}
		return true;
	}

	#load(): string | null {
		try {
			return localStorage.getItem(this.#key);
		} catch {
			return null;
		}
	}
}
