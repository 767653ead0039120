/**
 * Which inbox items a team member has read, kept in this browser's localStorage per session (exercise, team and
 * name), by item id. Pure parts here; `inbox-state.svelte.ts` holds them live.
 */
export const readMarksKey = (exerciseId: string, team: string, name: string) => `crosscurrent.read.${exerciseId}.${team}.${name}`;

/** The stored ids, or none when nothing (or something unreadable) is stored. */
export function parseReadMarks(raw: string | null): Set<string> {
	if (!raw) return new Set();
	try {
		const value: unknown = JSON.parse(raw);
		return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
	} catch {
		return new Set();
	}
}

/** At most this many ids are kept (a long exercise has some hundred injects and messages). */
export const MAX_READ_MARKS = 2000;

export function serializeReadMarks(ids: Set<string>): string {
	return JSON.stringify([...ids].slice(-MAX_READ_MARKS));
}
