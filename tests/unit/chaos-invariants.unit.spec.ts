/** The chaos test's checks catch what they are meant to: a sound log passes, each kind of breakage is named. */
import { describe, expect, it } from 'vitest';
import { eventsForAudience } from '../../src/lib/engine/exercise/audience';
import type { DomainEvent } from '../../src/lib/engine/exercise/events';
import { checkLog, compareView, type Acked } from '../chaos/invariants';
import { loadScenario } from '../fixtures/load-scenario';

const scenario = loadScenario('scenarios/maritime-trafficking-southern-caribbean.yaml');
const inject = scenario.injects.find((i) => i.id === 'radar-track')!;
const X = 'x-1';
const ev = (seq: number, wall: number, at: number, body: Record<string, unknown>, actor = 'system') =>
	({ exerciseId: X, seq, wall, at, actor, ...body }) as unknown as DomainEvent;

/** Created, started at wall 1000 at 10×, the radar-track inject released by the clock 4 minutes later. */
function soundLog(): DomainEvent[] {
	return [
		ev(1, 0, 0, { type: 'exercise.created', title: 't', scenario }, 'controller:C'),
		ev(2, 1000, 0, { type: 'clock.speed_changed', speed: 10 }, 'controller:C'),
		ev(3, 1000, 0, { type: 'exercise.started' }, 'controller:C'),
		ev(4, 25_000, 240_000, { type: 'inject.released', injectId: 'radar-track', inject, manual: false, reveals: [] })
	];
}
const releasedAck: Acked = { seq: 4, what: 'radar release', matches: (e) => e.type === 'inject.released' && e.injectId === 'radar-track' };

describe('chaos invariants', () => {
	it('passes a sound log and an acknowledged event found once', () => {
		const { problems, clock } = checkLog('x', soundLog(), [releasedAck]);
		expect(problems).toEqual([]);
		expect(clock.maxAhead).toBeLessThanOrEqual(0);
	});

	it('names an acknowledged event missing from the log, and one stored twice', () => {
		expect(checkLog('x', soundLog(), [{ ...releasedAck, seq: 9 }]).problems.join()).toMatch(/seq 9\) is not in the log/);
		const twice = [...soundLog(), { ...soundLog()[3]!, seq: 5, wall: 26_000, at: 250_000 } as DomainEvent];
		const found = checkLog('x', twice, [releasedAck]).problems.join('\n');
		expect(found).toMatch(/radar-track released 2 times/);
		expect(found).toMatch(/is in the log 2 times/);
	});

	it('names a gap in the seqs and a clock that jumps ahead of wall time or goes back', () => {
		const gap = soundLog().map((e) => (e.seq === 4 ? { ...e, seq: 5 } : e));
		expect(checkLog('x', gap, []).problems.join()).toMatch(/event 4 of the log has seq 5/);
		const ahead = soundLog().map((e) => (e.seq === 4 ? { ...e, at: 900_000 } : e));
		expect(checkLog('x', ahead, []).problems.join()).toMatch(/exercise time jumped/);
		const back = [...soundLog(), ev(5, 26_000, 100_000, { type: 'exercise.paused' }, 'controller:C')];
		expect(checkLog('x', back, []).problems.join()).toMatch(/went back/);
	});

	it('names an inject left long past its time (a timer not re-armed)', () => {
		const late = [...soundLog(), ev(5, 100_000, 990_000, { type: 'exercise.paused' }, 'controller:C')];
		expect(checkLog('x', late, []).problems.join()).toMatch(/jrcc-alert-grenada .*not re-armed/);
	});

	it("compares a client's view with the log for its audience and says what it misses", () => {
		const log = soundLog();
		const coastGuard = { role: 'participant' as const, team: 'tt-coast-guard' };
		const view = eventsForAudience(log, coastGuard);
		expect(compareView('cg', view, log, coastGuard)).toBeNull();
		expect(compareView('cg', view.slice(0, 3), log, coastGuard)).toMatch(/missing \[4 inject.released\]/);
		// Customs is not addressed by radar-track: holding it is an unexpected event.
		expect(compareView('cu', view, log, { role: 'participant', team: 'tt-customs' })).toMatch(/unexpected \[4 inject.released\]/);
		// Same seqs, different content: the first difference of the folded states is named.
		const changed = view.map((e) => (e.type === 'exercise.started' ? { ...e, wall: 2000 } : e));
		expect(compareView('cg', changed, log, coastGuard)).toMatch(/folded state differs from the log's: \$\.clock/);
	});
});
