import { describe, expect, it, vi } from 'vitest';
import { blankScenarioSource } from '$lib/engine/studio/blank-scenario';
import type { ScenarioVersion } from '$lib/engine/studio/library';
import { StudioDraft } from './draft.svelte';

const version = (source: string): ScenarioVersion => ({
	key: 'mini',
	version: 1,
	title: 'Mini',
	kind: 'maritime-trafficking',
	status: 'draft',
	problems: 0,
	savedWall: 0,
	savedBy: 'Ana',
	note: '',
	restoredFrom: null,
	source
});
const blank = () => version(blankScenarioSource({ key: 'mini', title: 'Mini', kind: 'maritime-trafficking', language: 'en' }));

describe('the studio draft', () => {
	it('starts with the problems of a blank scenario, each with its path, and is not dirty', () => {
		const draft = new StudioDraft(blank());
		expect(draft.dirty).toBe(false);
		expect(draft.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['summary', 'teams', 'objectives', 'injects']));
		expect(draft.problemAt(['summary'])).toBeDefined();
	});

	it('checks again after an edit, undoes and redoes it, and knows it differs from the saved version', () => {
		vi.useFakeTimers();
		const draft = new StudioDraft(blank());
		draft.set(['summary'], 'A go-fast runs north.');
		expect(draft.data.summary).toBe('A go-fast runs north.');
		expect(draft.dirty).toBe(true);
		expect(draft.checking).toBe(true);
		vi.advanceTimersByTime(300);
		expect(draft.checking).toBe(false);
		expect(draft.problemAt(['summary'])).toBeUndefined();
		draft.undo();
		expect(draft.data.summary).toBe('');
		expect(draft.dirty).toBe(false);
		draft.redo();
		expect(draft.data.summary).toBe('A go-fast runs north.');
		vi.useRealTimers();
	});

	it('keeps broken YAML as typed, waits with the forms, and takes the text back once it parses', () => {
		const draft = new StudioDraft(blank());
		const good = draft.text;
		draft.setText(good + '\nteams: [unclosed\n');
		expect(draft.editable).toBe(false);
		expect(draft.syntax.length).toBeGreaterThan(0);
		expect(draft.problems).toBe(draft.syntax);
		draft.set(['title'], 'ignored while broken');
		expect(draft.text).toContain('[unclosed');
		draft.setText(good.replace('title: Mini', 'title: Fixed'));
		expect(draft.editable).toBe(true);
		expect(draft.data.title).toBe('Fixed');
	});

	it('is read-only for a bundled scenario', () => {
		const draft = new StudioDraft(blank(), { readonly: true });
		draft.set(['title'], 'changed');
		expect(draft.data.title).toBe('Mini');
		expect(draft.editable).toBe(false);
	});

	it('flags an id that is not the scenario key', () => {
		vi.useFakeTimers();
		const draft = new StudioDraft(blank());
		draft.set(['id'], 'other');
		vi.advanceTimersByTime(300);
		expect(draft.problemAt(['id'])?.message).toContain('"mini"');
		vi.useRealTimers();
	});
});
