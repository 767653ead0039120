import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TRIGGER_KINDS } from '../scenario/problem-codes';
import { validateScenario } from '../scenario/parse';
import { EXERCISE_CONTROL, SIM_ALERTS } from '../scenario/vocabulary';
import {
	TRIGGER_KIND_LIST,
	TRIGGER_WATERS,
	kindAvailable,
	messageRecipients,
	newTrigger,
	triggerChoices,
	triggerKindOf,
	type TriggerChoices
} from './trigger-choices';

type Data = { injects: Record<string, unknown>[] } & Record<string, unknown>;
const FILES = ['scenarios/maritime-trafficking-southern-caribbean.yaml', 'scenarios/displacement-hurricane-dominica.yaml'];
const load = (file: string) => parse(readFileSync(file, 'utf8')) as Data;

/** The problems of the scenario once inject `index` is released by `trigger` instead of its time (the data is restored). */
function problemsWith(data: Data, index: number, trigger: Record<string, unknown>): string[] {
	const inject = data.injects[index]!;
	const { at, trigger: before } = inject;
	delete inject.at;
	inject.trigger = trigger;
	const result = validateScenario(data);
	if (before === undefined) delete inject.trigger;
	else inject.trigger = before;
	if (at !== undefined) inject.at = at;
	return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

/** Every trigger the editor can write from `c`: each reference through all its choices, the others at their first. */
function everyTrigger(c: TriggerChoices): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	const delayMinutes = 3;
	for (const d of c.decisions) {
		out.push({ decision: d.id, delayMinutes });
		for (const o of d.options) out.push({ decision: d.id, option: o.id, delayMinutes });
		for (const t of d.teams) out.push({ decision: d.id, team: t.id, delayMinutes });
	}
	for (const x of c.missed) {
		out.push({ missed: x.id, delayMinutes });
		for (const t of x.teams) out.push({ missed: x.id, team: t.id, delayMinutes });
	}
	for (const from of c.teams) {
		out.push({ message: { from: from.id }, delayMinutes });
		for (const to of messageRecipients(c, from.id)) out.push({ message: { from: from.id, to }, delayMinutes });
	}
	if (c.areas.length > 0)
		for (const on of ['enter', 'leave']) {
			for (const e of c.movers) out.push({ area: { entity: e.id, area: c.areas[0]!.id, on }, delayMinutes });
			for (const a of c.areas) out.push({ area: { entity: c.movers[0]!.id, area: a.id, on }, delayMinutes });
		}
	for (const target of c.interceptTargets) out.push({ intercept: { target: target.id }, delayMinutes });
	const target = c.interceptTargets[0];
	if (target) {
		for (const t of c.teams) out.push({ intercept: { target: target.id, team: t.id }, delayMinutes });
		for (const waters of TRIGGER_WATERS) out.push({ intercept: { target: target.id, team: c.teams[0]!.id, waters }, delayMinutes });
	}
	for (const contact of c.contacts) {
		out.push({ detected: { contact: contact.id }, delayMinutes });
		for (const t of c.teams) out.push({ detected: { contact: contact.id, team: t.id }, delayMinutes });
	}
	for (const type of SIM_ALERTS) {
		out.push({ alert: { type }, delayMinutes });
		for (const e of c.alertEntities[type]) out.push({ alert: { type, entity: e.id }, delayMinutes });
	}
	for (const kind of TRIGGER_KIND_LIST) {
		const fresh = newTrigger(kind, c, 2);
		if (fresh) out.push(fresh);
	}
	return out;
}

describe('trigger choices', () => {
	it('lists the kinds of trigger the schema has, each read back from a trigger of that kind', () => {
		expect([...TRIGGER_KIND_LIST]).toEqual([...TRIGGER_KINDS]);
		expect(triggerKindOf({ missed: 'x', team: 'y' })).toBe('missed');
		expect(triggerKindOf({ decision: 'x', option: 'o' })).toBe('decision');
		expect(triggerKindOf({ decision: 'x', missed: 'y' })).toBeNull();
		expect(triggerKindOf({ team: 'y' })).toBeNull();
		expect(triggerKindOf('decision')).toBeNull();
	});

	for (const file of FILES)
		it(`${file}: every choice offered for any inject, written into its trigger, passes the scenario check`, { timeout: 60_000 }, () => {
			const data = load(file);
			expect(validateScenario(data).ok).toBe(true);
			const watchedIds = new Set(
				data.injects.flatMap((i) => {
					const t = i.trigger as { decision?: string; missed?: string } | undefined;
					return t?.decision ?? t?.missed ?? [];
				})
			);
			const last = data.injects.length - 1;
			let tried = 0;
			data.injects.forEach((inject, index) => {
				const c = triggerChoices(data, index);
				// Every inject may follow a decision and may wait on a missed one in these scenarios.
				expect(c.decisions.length, inject.id as string).toBeGreaterThan(0);
				expect(c.decisions.some((d) => d.id === inject.id)).toBe(false);
				const full = index === last || index === Math.floor(last / 2);
				// The watches matter where others wait on this inject (a cycle is possible); others are tried in full at two places.
				if (!full && !watchedIds.has(inject.id as string) && index !== 0) return;
				const triggers = full ? everyTrigger(c) : [...c.decisions.map((d) => ({ decision: d.id })), ...c.missed.map((x) => ({ missed: x.id }))];
				for (const trigger of triggers) {
					expect(problemsWith(data, index, trigger), `${inject.id as string} ← ${JSON.stringify(trigger)}`).toEqual([]);
					tried++;
				}
			});
			expect(tried).toBeGreaterThan(500);
		});

	it('never offers an inject that waits on this one, directly or through others (it would wait on itself); the check refuses those', () => {
		const data = load(FILES[0]!);
		const index = data.injects.findIndex((i) => i.id === 'rifc-tipoff');
		const tipoff = data.injects[index]!;
		// A chain two deep: informal-call releases `child` (given a decision here), whose decision releases `grandchild`.
		const child = data.injects.find((i) => (i.trigger as { option?: string } | undefined)?.option === 'informal-call')!;
		child.decision = structuredClone(tipoff.decision);
		const grandchild = data.injects.find((i) => i.id !== child.id && i.at !== undefined && i.id !== 'rifc-tipoff' && !i.decision)!;
		delete grandchild.at;
		grandchild.trigger = { decision: child.id, option: 'share-and-launch' };
		grandchild.shareWith = [{ team: 'rss-air-wing', withinMinutes: 5, objective: 'detect-and-share', points: 2 }];
		grandchild.to = ['tt-coast-guard'];
		grandchild.decision = structuredClone(tipoff.decision);
		expect(validateScenario(data).ok, 'the chain itself is valid').toBe(true);

		const c = triggerChoices(data, index);
		for (const id of [child.id, grandchild.id, tipoff.id]) {
			expect(c.decisions.map((x) => x.id)).not.toContain(id);
			expect(c.missed.map((x) => x.id)).not.toContain(id);
		}
		for (const trigger of [{ decision: child.id }, { decision: grandchild.id }, { missed: grandchild.id }])
			expect(problemsWith(data, index, trigger).join(' '), JSON.stringify(trigger)).toMatch(/unreachable/);
		// From the child, the grandchild is still off limits, but the tip-off (upstream) is fine.
		const fromChild = triggerChoices(data, data.injects.indexOf(child));
		expect(fromChild.decisions.map((x) => x.id)).toContain('rifc-tipoff');
		expect(fromChild.decisions.map((x) => x.id)).not.toContain(grandchild.id);
	});

	it('names things as people know them: injects by number and title, options by label, deciders and addressees', () => {
		const data = load(FILES[0]!);
		const c = triggerChoices(data, data.injects.length - 1);
		const tipoff = c.decisions.find((d) => d.id === 'rifc-tipoff')!;
		expect(tipoff).toMatchObject({ number: 1, index: 0, title: expect.stringContaining('RIFC intelligence report') });
		expect(tipoff.options.map((o) => o.id)).toEqual(['share-and-launch', 'launch-and-hold', 'informal-call', 'wait-for-confirmation']);
		expect(tipoff.options[0]!.label).toMatch(/^Launch Cutter 1/);
		expect(tipoff.teams.map((t) => t.id)).toEqual(['tt-coast-guard']);
		expect(tipoff.teams[0]!.name).not.toBe('tt-coast-guard');
		expect(messageRecipients(c, 'tt-coast-guard')).not.toContain('tt-coast-guard');
		expect(messageRecipients(c, 'tt-coast-guard').at(-1)).toBe(EXERCISE_CONTROL);
	});

	it('puts suspect craft first among intercept targets and contacts, and the alerts on the kinds that raise them', () => {
		const data = load(FILES[0]!);
		const c = triggerChoices(data, 0);
		expect(c.interceptTargets[0]!.category).toBe('suspect');
		expect(c.contacts.map((e) => e.id)).toContain('go-fast');
		expect(c.interceptTargets.every((e) => ['vessel', 'aircraft', 'boat'].includes(e.kind))).toBe(true);
		const displacement = triggerChoices(load(FILES[1]!), 0);
		expect(displacement.alertEntities.distress.length).toBeGreaterThan(0);
		expect(displacement.alertEntities.distress.every((e) => e.kind === 'boat')).toBe(true);
		expect(displacement.alertEntities['capacity-exceeded'].every((e) => e.kind === 'port' || e.kind === 'shelter')).toBe(true);
	});

	it('reads a half-written draft without crashing and offers nothing it cannot name', () => {
		const c = triggerChoices(
			{
				teams: [{ id: 'a', name: 'Alpha' }, { id: 'Bad Id', name: 'B' }, 'x', { id: 'a', name: 'Again' }],
				entities: { not: 'a list' },
				areas: [{ id: 'zone' }],
				injects: [{ id: 'one', decision: { options: [{ id: 'yes', label: 'Yes' }, { label: 'no id' }] }, to: ['a', 'ghost'] }, { id: 'two' }, null]
			},
			1
		);
		expect(c.teams).toEqual([{ id: 'a', name: 'Alpha' }]);
		expect(c.areas).toEqual([{ id: 'zone', name: 'zone' }]);
		expect(c.decisions).toEqual([{ id: 'one', index: 0, number: 1, title: '', teams: [{ id: 'a', name: 'Alpha' }], options: [{ id: 'yes', label: 'Yes' }] }]);
		expect(c.movers).toEqual([]);
		expect(kindAvailable('area', c)).toBe(false);
		expect(newTrigger('area', c)).toBeNull();
		expect(newTrigger('intercept', c)).toBeNull();
		expect(newTrigger('decision', c, 4)).toEqual({ decision: 'one', delayMinutes: 4 });
		expect(newTrigger('alert', c)).toEqual({ alert: { type: 'capacity-exceeded' }, delayMinutes: 0 });
		expect(triggerChoices(undefined, 0).decisions).toEqual([]);
	});
});
