import { describe, expect, it } from 'vitest';
import { hiddenNames, routesBetweenShown, shown, toggled } from './series';

const teams = [
	{ id: 'a', name: 'Coast guard' },
	{ id: 'b', name: 'Customs' },
	{ id: 'c', name: 'Police' }
];

describe('series toggles', () => {
	it('switches one series off and on again, leaving the others as they were', () => {
		const off = toggled([], 'b');
		expect(off).toEqual(['b']);
		expect(toggled(off, 'c')).toEqual(['b', 'c']);
		expect(toggled(['b', 'c'], 'b')).toEqual(['c']);
		expect(toggled(toggled([], 'a'), 'a')).toEqual([]);
	});
	it('does not change the list it is given', () => {
		const hidden = ['a'];
		toggled(hidden, 'b');
		toggled(hidden, 'a');
		expect(hidden).toEqual(['a']);
	});
	it('keeps the shown items in their order and names the hidden ones in the same order', () => {
		expect(shown(teams, ['b']).map((t) => t.id)).toEqual(['a', 'c']);
		expect(shown(teams, []).map((t) => t.id)).toEqual(['a', 'b', 'c']);
		expect(hiddenNames(teams, ['c', 'a'])).toEqual(['Coast guard', 'Police']);
		expect(hiddenNames(teams, ['unknown'])).toEqual([]);
	});
	it('drops every route to or from a hidden team, its messages to itself too', () => {
		const edges = [
			{ from: 'a', to: 'b', messages: 2 },
			{ from: 'b', to: 'a', messages: 1 },
			{ from: 'a', to: 'c', messages: 4 },
			{ from: 'b', to: 'b', messages: 1 }
		];
		expect(routesBetweenShown(edges, [])).toEqual(edges);
		expect(routesBetweenShown(edges, ['b'])).toEqual([{ from: 'a', to: 'c', messages: 4 }]);
		expect(routesBetweenShown(edges, ['c'])).toHaveLength(3);
		expect(routesBetweenShown(edges, ['a', 'b'])).toEqual([]);
	});
});
