import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { mselGraph } from './msel-graph';
import { filterRows, filtering, mselRows, NO_FILTER, sortRows, type SortWords } from './msel-rows';

const data = {
	durationMinutes: 60,
	teams: [{ id: 'cg' }, { id: 'police' }],
	injects: [
		{ id: 'b', number: 2, at: 20, to: ['police'], channel: 'phone', title: 'Beta', objectives: ['share'] },
		{ id: 'a', number: 1, at: 5, to: ['cg'], channel: 'radio', title: 'alpha', decision: { options: [{}, {}, {}] } },
		{ id: 'c', number: 3, trigger: { decision: 'a' }, to: ['cg', 'police'], channel: 'email', title: 'Gamma' },
		{ id: 'd', number: 4, trigger: { decision: 'gone' }, to: [], title: '' }
	]
};
const words: SortWords = { team: (id) => ({ cg: 'Coast Guard', police: 'Police' })[id] ?? id, channel: (c) => c.toUpperCase(), locale: 'en' };
const rows = mselRows(data.injects, mselGraph(data));
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('MSEL table rows', () => {
	it('reads each inject into its cells, with the earliest minute of a triggered one', () => {
		expect(rows[1]).toMatchObject({ index: 1, number: 1, at: 5, triggered: false, earliest: 5, options: 3, to: ['cg'] });
		expect(rows[2]).toMatchObject({ at: null, triggered: true, earliest: 5, options: null, reachable: true });
		expect(rows[3]).toMatchObject({ earliest: null, reachable: false, title: '' });
		expect(mselRows(undefined, mselGraph({}))).toEqual([]);
	});

	it('sorts by each column either way, empty values last and ties in MSEL order', () => {
		expect(ids(sortRows(rows, { key: 'number', descending: false }, words))).toEqual(['a', 'b', 'c', 'd']);
		expect(ids(sortRows(rows, { key: 'number', descending: true }, words))).toEqual(['d', 'c', 'b', 'a']);
		// c hangs from a at minute 5: the lower number first at the same minute; d never goes out.
		expect(ids(sortRows(rows, { key: 'time', descending: false }, words))).toEqual(['a', 'c', 'b', 'd']);
		expect(ids(sortRows(rows, { key: 'time', descending: true }, words))).toEqual(['b', 'a', 'c', 'd']);
		expect(ids(sortRows(rows, { key: 'team', descending: false }, words))).toEqual(['a', 'c', 'b', 'd']);
		expect(ids(sortRows(rows, { key: 'title', descending: false }, words))).toEqual(['a', 'b', 'c', 'd']);
		expect(ids(sortRows(rows, { key: 'channel', descending: true }, words))).toEqual(['a', 'b', 'c', 'd']);
	});

	it('filters by team, channel, objective and time range', () => {
		expect(filtering(NO_FILTER)).toBe(false);
		expect(ids(filterRows(rows, NO_FILTER))).toEqual(['b', 'a', 'c', 'd']);
		expect(ids(filterRows(rows, { ...NO_FILTER, team: 'police' }))).toEqual(['b', 'c']);
		expect(ids(filterRows(rows, { ...NO_FILTER, channel: 'radio' }))).toEqual(['a']);
		expect(ids(filterRows(rows, { ...NO_FILTER, objective: 'share' }))).toEqual(['b']);
		expect(ids(filterRows(rows, { ...NO_FILTER, from: 5, to: 10 }))).toEqual(['a', 'c']);
		expect(ids(filterRows(rows, { ...NO_FILTER, from: 6 }))).toEqual(['b']);
		expect(filtering({ ...NO_FILTER, to: 0 })).toBe(true);
	});

	it('sorts the maritime MSEL by time from its first inject to its last', () => {
		const s = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');
		const sorted = sortRows(mselRows(s.injects, mselGraph(s)), { key: 'time', descending: false }, words);
		expect(sorted[0]!.id).toBe('rifc-tipoff');
		const minutes = sorted.map((r) => r.earliest!);
		expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
	});
});
