/**
 * Evaluator notes as the review screens read them (pure): a note's link to a timeline event, the notes for a team
 * and objective (those for all teams or in general count too), and notes grouped for the hot wash.
 */
import type { Observation } from '$lib/engine/exercise/state';

/** An observation, with the fields a linked or edited note carries. */
export type Note = Observation & { eventSeq?: number | null; editedAt?: number | null };

/** The notes that bear on one team's rating on one objective: its own, and those written for every team, newest first. */
export function notesFor(notes: readonly Note[], team: string, objective: string): Note[] {
	return notes.filter((n) => (n.team === team || n.team === null) && (n.objective === objective || n.objective === null)).reverse();
}

export interface NoteGroup {
	team: string | null;
	objective: string | null;
	notes: Note[];
}

/**
 * Notes grouped by team (scenario order, then "all teams") and, inside a team, by objective (scenario order, then
 * general); empty groups are left out, notes stay in time order.
 */
export function groupNotes(notes: readonly Note[], teams: readonly string[], objectives: readonly string[]): NoteGroup[] {
	const teamOrder = [...teams, null];
	const objectiveOrder = [...objectives, null];
	const rank = (order: (string | null)[], id: string | null) => {
		const i = order.indexOf(id);
		return i === -1 ? order.length : i;
	};
	const groups = new Map<string, NoteGroup>();
	for (const n of notes) {
		const key = JSON.stringify([n.team, n.objective]);
		const group = groups.get(key) ?? { team: n.team, objective: n.objective, notes: [] };
		group.notes.push(n);
		groups.set(key, group);
	}
	return [...groups.values()].sort(
		(a, b) => rank(teamOrder, a.team) - rank(teamOrder, b.team) || rank(objectiveOrder, a.objective) - rank(objectiveOrder, b.objective)
	);
}

/** Whether a key press is the "new note" shortcut: a bare `n` typed outside any field or editable text. */
export function isNoteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'isComposing'>, target: EventTarget | null) {
	if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return false;
	const el = target as (HTMLElement & { isContentEditable?: boolean }) | null;
	if (!el || typeof el.tagName !== 'string') return true;
	return !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) && !el.isContentEditable;
}
