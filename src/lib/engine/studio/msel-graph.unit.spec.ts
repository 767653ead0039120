import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../tests/fixtures/load-scenario';
import { injectsWaitingOn, mselGraph, type GraphInput, type InjectNode } from './msel-graph';

const MARITIME = 'scenarios/maritime-trafficking-southern-caribbean.yaml';
const DISPLACEMENT = 'scenarios/displacement-hurricane-dominica.yaml';

/** A small scenario's raw data: two teams, an area, a boat, and the injects given. */
function small(injects: unknown[]): GraphInput {
	return {
		durationMinutes: 60,
		teams: [{ id: 'coast-guard' }, { id: 'police' }],
		areas: [{ id: 'approaches' }],
		entities: [
			{ id: 'go-fast', track: [{ at: 10 }, { at: 30 }] },
			{ id: 'boat', distressAt: 25, track: [{ at: 5 }] }
		],
		injects
	};
}
const decision = (...options: string[]) => ({
	prompt: 'What now?',
	deadlineMinutes: 10,
	expectedWithinMinutes: 5,
	options: options.map((id) => ({ id, label: `Label of ${id}`, scores: {} }))
});
const byId = (injects: InjectNode[], id: string) => injects.find((n) => n.id === id)!;

describe('mselGraph on small scenarios', () => {
	it('places timed injects at their minute and hangs answers, options and misses from their decision', () => {
		const g = mselGraph(
			small([
				{ id: 'tip', at: 5, to: ['coast-guard'], decision: decision('go', 'wait') },
				{ id: 'went', trigger: { decision: 'tip', option: 'go', delayMinutes: 3 }, to: ['police'] },
				{ id: 'answered', trigger: { decision: 'tip' }, to: ['police'] },
				{ id: 'late', trigger: { missed: 'tip', delayMinutes: 2 }, to: ['coast-guard'] },
				{ id: 'after-went', trigger: { decision: 'went' }, to: ['police'] }
			])
		);
		expect(byId(g.injects, 'tip')).toMatchObject({
			earliest: 5,
			exact: true,
			reachable: true,
			source: null,
			root: 'inject:0',
			lane: 'coast-guard',
			options: 2
		});
		expect(byId(g.injects, 'went')).toMatchObject({ earliest: 8, exact: false, source: 'inject:0', root: 'inject:0', depth: 1, lane: 'police' });
		expect(byId(g.injects, 'answered')).toMatchObject({ earliest: 5 });
		// A miss fires at the deadline (10 min after release), then the delay.
		expect(byId(g.injects, 'late')).toMatchObject({ earliest: 17, reachable: true });
		expect(g.edges).toContainEqual({ from: 'inject:0', to: 'inject:1', kind: 'option', option: 'go', label: 'Label of go', team: null, delayMinutes: 3 });
		expect(g.edges).toContainEqual(expect.objectContaining({ from: 'inject:0', to: 'inject:2', kind: 'answer', option: null }));
		expect(g.edges).toContainEqual(expect.objectContaining({ from: 'inject:0', to: 'inject:3', kind: 'missed', delayMinutes: 2 }));
		// "went" asks no decision: what waits on its answer never goes out.
		expect(byId(g.injects, 'after-went')).toMatchObject({ reachable: false, reason: 'no-decision', earliest: null, root: null });
		expect(g.unreachable.map((n) => n.id)).toEqual(['after-went']);
	});

	it('hangs play-event injects from one marker per event, at the first minute the event can happen', () => {
		const g = mselGraph(
			small([
				{ id: 'entered', trigger: { area: { entity: 'go-fast', area: 'approaches', on: 'enter' }, delayMinutes: 4 }, to: ['police'] },
				{ id: 'entered-too', trigger: { area: { on: 'enter', area: 'approaches', entity: 'go-fast' } }, to: ['coast-guard'] },
				{ id: 'mayday', trigger: { alert: { type: 'distress', entity: 'boat' } }, to: ['coast-guard'] },
				{ id: 'asked', trigger: { message: { from: 'police', to: 'coast-guard' }, delayMinutes: 1 }, to: ['coast-guard'] },
				{ id: 'caught', trigger: { intercept: { target: 'go-fast', team: 'coast-guard' } }, to: ['coast-guard'] }
			])
		);
		expect(g.events).toHaveLength(4);
		const area = g.events.find((e) => e.event === 'area')!;
		expect(area).toMatchObject({ earliest: 10, trigger: { area: { entity: 'go-fast', area: 'approaches', on: 'enter' }, delayMinutes: 0 } });
		expect(g.edges.filter((e) => e.from === area.key).map((e) => e.to)).toEqual(['inject:0', 'inject:1']);
		expect(byId(g.injects, 'entered')).toMatchObject({ earliest: 14, exact: false, source: area.key, root: area.key, depth: 1 });
		expect(byId(g.injects, 'mayday').earliest).toBe(25);
		expect(byId(g.injects, 'asked').earliest).toBe(1);
		expect(byId(g.injects, 'caught').earliest).toBe(10);
		expect(g.unreachable).toEqual([]);
	});

	it('marks every way a chain can fail to start', () => {
		const g = mselGraph(
			small([
				{ id: 'tip', at: 0, to: ['coast-guard'], decision: decision('go', 'wait'), shareWith: [] },
				{ id: 'no-time', to: ['police'] },
				{ id: 'ghost', trigger: { decision: 'nowhere' }, to: ['police'] },
				{ id: 'bad-option', trigger: { decision: 'tip', option: 'fly' }, to: ['police'] },
				{ id: 'plain', at: 3, to: ['police'] },
				{ id: 'miss-plain', trigger: { missed: 'plain' }, to: ['police'] },
				{ id: 'other-team', trigger: { decision: 'tip', team: 'police' }, to: ['police'] },
				{ id: 'loop-a', trigger: { decision: 'loop-b' }, to: ['police'], decision: decision('x', 'y') },
				{ id: 'loop-b', trigger: { decision: 'loop-a' }, to: ['police'], decision: decision('x', 'y') },
				{ id: 'after-loop', trigger: { decision: 'loop-a', option: 'x' }, to: ['police'] },
				{ id: 'self', trigger: { missed: 'self' }, to: ['police'], decision: decision('x', 'y') },
				{ id: 'no-area', trigger: { area: { entity: 'go-fast', area: 'lagoon', on: 'leave' } }, to: ['police'] },
				{ id: 'odd', trigger: { sometime: true }, to: ['police'] },
				{ id: 'downstream', trigger: { decision: 'bad-option' }, to: ['police'] }
			])
		);
		const reasons = Object.fromEntries(g.unreachable.map((n) => [n.id, n.reason]));
		expect(reasons).toEqual({
			'no-time': 'no-timing',
			ghost: 'missing-source',
			'bad-option': 'unknown-option',
			'miss-plain': 'nothing-to-miss',
			'other-team': 'team-not-involved',
			'loop-a': 'cycle',
			'loop-b': 'cycle',
			'after-loop': 'source-unreachable',
			self: 'cycle',
			'no-area': 'unknown-thing',
			odd: 'unknown-trigger',
			downstream: 'no-decision'
		});
		expect(byId(g.injects, 'tip').reachable).toBe(true);
		expect(byId(g.injects, 'plain').reachable).toBe(true);
		// The edges of broken triggers are still drawn (the view shows what the planner wrote).
		expect(g.edges).toContainEqual(expect.objectContaining({ from: 'inject:0', to: 'inject:3', kind: 'option', option: 'fly', label: null }));
	});

	it('reads a half-written draft without throwing', () => {
		const g = mselGraph({ injects: [null, 'text', { at: 'soon' }, { at: 4, to: 'police' }, { trigger: { decision: 3 } }] });
		expect(g.injects).toHaveLength(5);
		expect(g.injects.map((n) => n.reason)).toEqual(['no-timing', 'no-timing', 'no-timing', null, 'unknown-trigger']);
		expect(g.injects[3]).toMatchObject({ earliest: 4, lane: null, number: 4, title: '' });
		expect(mselGraph({}).nodes).toEqual([]);
	});

	it('resolves a duplicated id to its first inject, and flags a minute after the planned end', () => {
		const g = mselGraph(
			small([
				{ id: 'a', at: 10, to: ['police'], decision: decision('x', 'y') },
				{ id: 'a', at: 50, to: ['police'], decision: decision('x', 'y') },
				{ id: 'b', trigger: { decision: 'a', delayMinutes: 55 }, to: ['police'] }
			])
		);
		expect(byId(g.injects, 'b')).toMatchObject({ source: 'inject:0', earliest: 65, late: true });
	});

	it('lists the injects waiting on one', () => {
		const data = small([
			{ id: 'tip', at: 0, to: ['police'], decision: decision('x', 'y') },
			{ id: 'b', trigger: { decision: 'tip' }, to: ['police'] },
			{ id: 'c', trigger: { missed: 'tip' }, to: ['police'] },
			{ id: 'd', at: 4, to: ['police'] }
		]);
		expect(injectsWaitingOn(data, 'tip')).toEqual([1, 2]);
		expect(injectsWaitingOn(data, 'd')).toEqual([]);
	});
});

describe('mselGraph on the bundled scenarios', () => {
	it('reaches every inject of the maritime scenario, with its earliest minute', () => {
		const s = loadScenario(MARITIME);
		const g = mselGraph(s);
		expect(g.unreachable).toEqual([]);
		expect(g.injects).toHaveLength(s.injects.length);
		expect(g.durationMinutes).toBe(90);
		// Answers hang from the tip-off at minute 0; its miss fires at its 10-minute deadline, +2.
		expect(byId(g.injects, 'whatsapp-voice-note')).toMatchObject({ earliest: 5, source: 'inject:0', lane: 'grenada-police' });
		expect(byId(g.injects, 'rifc-direct-grenada').earliest).toBe(12);
		// Detected at the earliest when the go-fast appears (minute 0); its hand-off window is 5 minutes.
		expect(byId(g.injects, 'rss-flir-contact')).toMatchObject({ earliest: 0, depth: 1 });
		expect(byId(g.injects, 'rss-track-not-passed')).toMatchObject({ earliest: 5, depth: 2, root: byId(g.injects, 'rss-flir-contact').root });
		const tip = g.edges.filter((e) => e.from === 'inject:0');
		expect(tip.map((e) => e.kind).sort()).toEqual(['missed', 'option', 'option']);
		expect(tip.find((e) => e.option === 'informal-call')?.label).toMatch(/./);
		// Every play event is its own marker; both detections of the go-fast (by two teams) are two.
		expect(g.events.filter((e) => e.event === 'detected')).toHaveLength(2);
		for (const n of g.injects) expect(n.earliest).not.toBeNull();
		expect(g.injects.filter((n) => n.late)).toEqual([]);
	});

	it('reaches every inject of the displacement scenario; the distress alert waits for the boat’s distress minute', () => {
		const s = loadScenario(DISPLACEMENT);
		const g = mselGraph(s);
		expect(g.unreachable).toEqual([]);
		expect(byId(g.injects, 'mayday-blessings')).toMatchObject({ earliest: 40, exact: false });
		// Its answers and its miss hang from it: "wait for MRCC tasking" +6.
		expect(byId(g.injects, 'people-in-water')).toMatchObject({ earliest: 46, source: `inject:${s.injects.findIndex((i) => i.id === 'mayday-blessings')}` });
		expect(byId(g.injects, 'cdema-flash')).toMatchObject({ earliest: 0, lane: 'ag-immigration', to: s.injects[0]!.to });
		// A decider leads: the border posture goes to three teams; the first of them decides.
		expect(byId(g.injects, 'border-posture').lane).toBe('ag-immigration');
	});

	it('marks what a broken edit of a bundled scenario strands', () => {
		const s = loadScenario(MARITIME);
		const tipoff = s.injects.findIndex((i) => i.id === 'rifc-tipoff');
		const edited = { ...s, injects: s.injects.map((inj, i) => (i === tipoff ? { ...inj, decision: undefined, shareWith: [] } : inj)) };
		const g = mselGraph(edited);
		expect(g.unreachable.map((n) => [n.id, n.reason])).toEqual([
			['rifc-direct-grenada', 'nothing-to-miss'],
			['whatsapp-voice-note', 'no-decision'],
			['contact-faded', 'no-decision']
		]);
	});
});
