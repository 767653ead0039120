import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateScenario } from '../scenario/parse';
import { mergeScenarios, sameData } from './merge-scenarios';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FILES = ['scenarios/maritime-trafficking-southern-caribbean.yaml', 'scenarios/displacement-hurricane-dominica.yaml'];
const raw = (file: string): Data => parse(readFileSync(file, 'utf8'));
const copy = (d: Data): Data => structuredClone(d);
const ids = (list: { id: string }[]) => list.map((x) => x.id);
const indexOf = (d: Data, injectId: string) => d.injects.findIndex((i: Data) => i.id === injectId);

describe.each(FILES)('mergeScenarios on %s', (file) => {
	const base = raw(file);

	it('merges nothing into nothing: three equal versions give the same data, no conflicts', () => {
		const { merged, conflicts } = mergeScenarios(base, copy(base), copy(base));
		expect(conflicts).toEqual([]);
		expect(merged).toEqual(base);
		// Same key order too: the merged data prints as the file's data does.
		expect(JSON.stringify(merged)).toBe(JSON.stringify(base));
	});

	it('keeps both edits when two planners edit different injects, and the result still passes the check', () => {
		const mine = copy(base);
		const theirs = copy(base);
		mine.injects[0].title = 'Mine: a new first title';
		theirs.injects[2].body = 'Theirs: a new third body';
		theirs.injects[2].from = 'Theirs: a new third sender';
		const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: unknown[] };
		expect(conflicts).toEqual([]);
		expect(merged.injects[0].title).toBe('Mine: a new first title');
		expect(merged.injects[2].body).toBe('Theirs: a new third body');
		expect(merged.injects[2]).toEqual(theirs.injects[2]);
		expect(ids(merged.injects)).toEqual(ids(base.injects));
		expect(validateScenario(merged).ok).toBe(true);
	});

	it('reports one conflict at the field both changed, takes theirs, and takes mine when asked', () => {
		const mine = copy(base);
		const theirs = copy(base);
		const i = 3;
		mine.injects[i].title = 'Mine';
		theirs.injects[i].title = 'Theirs';
		mine.injects[i].from = 'Only mine changed the sender';
		const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: Data[] };
		expect(conflicts).toEqual([{ path: ['injects', i, 'title'], key: `injects[${base.injects[i].id}].title`, mine: 'Mine', theirs: 'Theirs', absent: false }]);
		expect(merged.injects[i].title).toBe('Theirs');
		expect(merged.injects[i].from).toBe('Only mine changed the sender');

		const chosen = mergeScenarios(base, mine, theirs, [conflicts[0]!.key]) as { merged: Data; conflicts: Data[] };
		expect(chosen.merged.injects[i].title).toBe('Mine');
		expect(chosen.conflicts).toHaveLength(1);
	});

	it('deletes an inject one planner deleted and the other did not touch, and keeps the other side\u2019s edits', () => {
		const mine = copy(base);
		const theirs = copy(base);
		const gone = base.injects[1].id;
		mine.injects.splice(1, 1);
		theirs.injects[5].title = 'Theirs edits another inject';
		const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: unknown[] };
		expect(conflicts).toEqual([]);
		expect(ids(merged.injects)).not.toContain(gone);
		expect(merged.injects).toHaveLength(base.injects.length - 1);
		expect(merged.injects[indexOf(merged, base.injects[5].id)].title).toBe('Theirs edits another inject');
	});

	it('a deletion on one side against an edit on the other is a conflict; the merged data takes theirs', () => {
		const id = base.injects[4].id;
		// Mine deleted it, theirs changed it: theirs' inject stays; taking mine removes it again.
		{
			const mine = copy(base);
			const theirs = copy(base);
			mine.injects.splice(4, 1);
			theirs.injects[4].title = 'Theirs';
			const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: Data[] };
			expect(conflicts).toEqual([{ path: ['injects', 4], key: `injects[${id}]`, mine: undefined, theirs: theirs.injects[4], absent: false }]);
			expect(merged.injects[4].title).toBe('Theirs');
			const chosen = mergeScenarios(base, mine, theirs, [`injects[${id}]`]) as { merged: Data };
			expect(ids(chosen.merged.injects)).not.toContain(id);
		}
		// Theirs deleted it, mine changed it: it is gone, and the conflict says where taking mine puts it back.
		{
			const mine = copy(base);
			const theirs = copy(base);
			theirs.injects.splice(4, 1);
			mine.injects[4].title = 'Mine';
			const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: Data[] };
			expect(conflicts).toEqual([{ path: ['injects', 4], key: `injects[${id}]`, mine: mine.injects[4], theirs: undefined, absent: true }]);
			expect(ids(merged.injects)).not.toContain(id);
			const chosen = mergeScenarios(base, mine, theirs, [`injects[${id}]`]) as { merged: Data };
			expect(chosen.merged.injects[4]).toEqual(mine.injects[4]);
		}
	});

	it('keeps injects added on both sides: theirs in their place, mine after its neighbour', () => {
		const mine = copy(base);
		const theirs = copy(base);
		const added = (id: string) => ({ ...copy(base.injects[0]), id, trigger: undefined, decision: undefined, number: undefined });
		mine.injects.splice(2, 0, JSON.parse(JSON.stringify(added('mine-new'))));
		theirs.injects.splice(0, 0, JSON.parse(JSON.stringify(added('theirs-new'))));
		const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: unknown[] };
		expect(conflicts).toEqual([]);
		const order = ids(merged.injects);
		expect(order[0]).toBe('theirs-new');
		expect(order.indexOf('mine-new')).toBe(order.indexOf(base.injects[1].id) + 1);
		expect(order).toHaveLength(base.injects.length + 2);
	});

	it('merges inside a decision: options by id, scores by objective', () => {
		const i = base.injects.findIndex((x: Data) => x.decision && x.decision.options.length >= 2);
		const mine = copy(base);
		const theirs = copy(base);
		const [first, second] = base.injects[i].decision.options;
		const objective = Object.keys(first.scores)[0]!;
		mine.injects[i].decision.options[0].scores[objective] = -3;
		theirs.injects[i].decision.options[0].label = 'Theirs relabels the first option';
		theirs.injects[i].decision.options[1].feedback = 'Theirs: new feedback';
		mine.injects[i].decision.options.push({ id: 'mine-extra-option', label: 'Mine adds an option', scores: {} });
		const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: unknown[] };
		expect(conflicts).toEqual([]);
		const options = merged.injects[i].decision.options;
		expect(options[0]).toMatchObject({ id: first.id, label: 'Theirs relabels the first option' });
		expect(options[0].scores[objective]).toBe(-3);
		expect(options[1]).toMatchObject({ id: second.id, feedback: 'Theirs: new feedback' });
		expect(options.at(-1).id).toBe('mine-extra-option');
	});

	it('a list without ids (a track, the addressees) conflicts as a whole when both changed it', () => {
		const i = base.entities.findIndex((e: Data) => e.track.length >= 2);
		const mine = copy(base);
		const theirs = copy(base);
		mine.entities[i].track[0].at += 1;
		theirs.entities[i].track.at(-1).at += 2;
		const { merged, conflicts } = mergeScenarios(base, mine, theirs) as { merged: Data; conflicts: Data[] };
		expect(conflicts.map((c) => c.path)).toEqual([['entities', i, 'track']]);
		expect(merged.entities[i].track).toEqual(theirs.entities[i].track);
	});
});

describe('mergeScenarios on small data', () => {
	it('merges shareWith expectations by their team', () => {
		const base = { injects: [{ id: 'a', shareWith: [{ team: 'x', withinMinutes: 5, objective: 'o', points: 2 }] }] };
		const mine = structuredClone(base);
		const theirs = structuredClone(base);
		mine.injects[0]!.shareWith[0]!.withinMinutes = 10;
		theirs.injects[0]!.shareWith.push({ team: 'y', withinMinutes: 5, objective: 'o', points: 1 });
		const { merged, conflicts } = mergeScenarios(base, mine, theirs);
		expect(conflicts).toEqual([]);
		expect(merged).toEqual({
			injects: [
				{
					id: 'a',
					shareWith: [
						{ team: 'x', withinMinutes: 10, objective: 'o', points: 2 },
						{ team: 'y', withinMinutes: 5, objective: 'o', points: 1 }
					]
				}
			]
		});
	});

	it('keeps theirs\u2019 key order, with a key only mine added after its neighbour', () => {
		const base = { a: 1, b: 2, c: 3 };
		const mine = { a: 1, mid: 9, b: 2, c: 3 };
		const theirs = { c: 3, b: 2, a: 1, z: 0 };
		const { merged } = mergeScenarios(base, mine, theirs);
		expect(Object.keys(merged as object)).toEqual(['c', 'b', 'a', 'mid', 'z']);
	});

	it('a key removed on one side and unchanged on the other is removed; removed on one and changed on the other conflicts', () => {
		expect(mergeScenarios({ a: 1, b: 2 }, { a: 1 }, { a: 1, b: 2 }).merged).toEqual({ a: 1 });
		const r = mergeScenarios({ a: 1, b: 2 }, { a: 1 }, { a: 1, b: 3 });
		expect(r.merged).toEqual({ a: 1, b: 3 });
		expect(r.conflicts).toEqual([{ path: ['b'], key: 'b', mine: undefined, theirs: 3, absent: false }]);
	});

	it('the same change on both sides is no conflict', () => {
		const r = mergeScenarios({ to: ['a'] }, { to: ['a', 'b'] }, { to: ['a', 'b'] });
		expect(r).toEqual({ merged: { to: ['a', 'b'] }, conflicts: [] });
	});

	it('with no base (unreadable), what both added differently conflicts field by field', () => {
		const r = mergeScenarios(null, { title: 'm', id: 's' }, { title: 't', id: 's' });
		expect(r.merged).toEqual({ title: 't', id: 's' });
		expect(r.conflicts.map((c) => c.path)).toEqual([['title']]);
	});

	it('sameData ignores key order but not list order', () => {
		expect(sameData({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
		expect(sameData([1, 2], [2, 1])).toBe(false);
		expect(sameData({ a: undefined }, {})).toBe(false);
	});
});
