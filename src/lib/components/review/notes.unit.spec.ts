import { describe, expect, it } from 'vitest';
import { groupNotes, isNoteShortcut, notesFor, type Note } from './notes';

const note = (observationId: string, team: string | null, objective: string | null, at = 0): Note => ({
	observationId,
	team,
	objective,
	text: observationId,
	by: 'E',
	at,
	eventSeq: null,
	editedAt: null
});
const notes = [note('a', 'cg', 'share', 1), note('b', 'customs', 'share', 2), note('c', null, 'share', 3), note('d', 'cg', null, 4), note('e', 'cg', 'law', 5)];

describe('notes for a rating', () => {
	it('are the team’s own and those for every team or in general, newest first', () => {
		expect(notesFor(notes, 'cg', 'share').map((n) => n.observationId)).toEqual(['d', 'c', 'a']);
		expect(notesFor(notes, 'customs', 'law').map((n) => n.observationId)).toEqual([]);
	});
});

describe('hot-wash groups', () => {
	it('go by team, then objective, in scenario order, general and all teams last', () => {
		const groups = groupNotes(notes, ['customs', 'cg'], ['law', 'share']);
		expect(groups.map((g) => [g.team, g.objective, g.notes.map((n) => n.observationId).join('')])).toEqual([
			['customs', 'share', 'b'],
			['cg', 'law', 'e'],
			['cg', 'share', 'a'],
			['cg', null, 'd'],
			[null, 'share', 'c']
		]);
	});
});

describe('the n shortcut', () => {
	const key = { key: 'n', ctrlKey: false, metaKey: false, altKey: false, repeat: false, isComposing: false };
	const el = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as unknown as EventTarget;
	it('works outside fields', () => {
		expect(isNoteShortcut(key, el('BODY'))).toBe(true);
		expect(isNoteShortcut(key, el('BUTTON'))).toBe(true);
	});
	it('never takes a key typed into a field, editable text, with a modifier, held down or while composing', () => {
		for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(isNoteShortcut(key, el(tag))).toBe(false);
		expect(isNoteShortcut(key, el('DIV', true))).toBe(false);
		expect(isNoteShortcut({ ...key, ctrlKey: true }, el('BODY'))).toBe(false);
		expect(isNoteShortcut({ ...key, repeat: true }, el('BODY'))).toBe(false);
		expect(isNoteShortcut({ ...key, isComposing: true }, el('BODY'))).toBe(false);
		expect(isNoteShortcut({ ...key, key: 'N' }, el('BODY'))).toBe(false);
	});
});
