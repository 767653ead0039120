import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { eventForAudience, eventsForAudience } from './audience';
import type { DomainEvent } from './events';
import { foldEvents } from './state';

const meta = { exerciseId: 'x1', wall: 0, actor: 'system' };
const created: DomainEvent = { type: 'exercise.created', title: 't', scenario: miniScenario, ...meta, at: 0, seq: 1 };
const tip = miniScenario.injects[0];
const released: DomainEvent = {
	type: 'inject.released',
	injectId: 'tip',
	manual: false,
	inject: tip,
	reveals: [miniScenario.entities[0]],
	...meta,
	at: 0,
	seq: 2
};
const decided: DomainEvent = {
	type: 'decision.submitted',
	injectId: 'tip',
	team: 'coast-guard',
	optionId: 'share',
	by: 'A',
	latencyMs: 1,
	timeliness: 1,
	points: { share: 10 },
	maxPoints: { share: 10 },
	quality: { share: 10 },
	violation: null,
	explanation: { label: 'Share and launch', feedback: null },
	...meta,
	at: 1,
	seq: 3
};
const held: DomainEvent = { type: 'inject.held', injectId: 'late', ...meta, at: 1, seq: 4 };
const log = [created, released, decided, held];

describe('eventForAudience', () => {
	it('gives controllers and evaluators everything', () => {
		expect(eventsForAudience(log, { role: 'controller' })).toEqual(log);
		expect(eventsForAudience(log, { role: 'evaluator' })).toEqual(log);
	});

	it('gives a participant no MSEL, no hidden entities and no other team’s injects or decisions', () => {
		const customs = eventsForAudience(log, { role: 'participant', team: 'customs' });
		expect(customs.map((e) => e.type)).toEqual(['exercise.created']);
		const scenario = (customs[0] as Extract<DomainEvent, { type: 'exercise.created' }>).scenario;
		expect(scenario.injects).toEqual([]);
		expect(scenario.entities.map((e) => e.id)).toEqual(['cutter']);
		expect(JSON.stringify(customs)).not.toContain('secret note');
	});

	it('strips controller notes, expected actions and the scoring key from a team’s own injects', () => {
		const e = eventForAudience(released, { role: 'participant', team: 'coast-guard' });
		if (e?.type !== 'inject.released') throw new Error('expected inject');
		expect(e.inject.controllerNote).toBeUndefined();
		expect(e.inject.expectedAction).toBeUndefined();
		expect(e.inject.decision!.options.every((o) => Object.keys(o.scores).length === 0)).toBe(true);
		expect(e.reveals.map((r) => r.id)).toEqual(['go-fast']);
	});

	it('lets the participant’s own reducer build its view from what it receives', () => {
		const view = foldEvents('x1', eventsForAudience(log, { role: 'participant', team: 'coast-guard' }));
		expect(view.injectOrder).toEqual(['tip']);
		expect(Object.keys(view.entities).sort()).toEqual(['cutter', 'go-fast']);
		expect(view.decisions['tip/coast-guard'].status).toBe('decided');
	});
});

describe('observer audience', () => {
	it('sees the public picture only: no injects, decisions or controller actions', () => {
		const seen = eventsForAudience(log, { role: 'observer' });
		expect(seen.map((e) => e.type)).toEqual(['exercise.created']);
		const started: DomainEvent = { type: 'exercise.started', ...meta, at: 0, seq: 5 };
		expect(eventForAudience(started, { role: 'observer' })).toEqual(started);
	});
});
