import { describe, expect, it } from 'vitest';
import { given, T0, type Body } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { STATUS_AFTER, statusAfter } from './lifecycle';
import { snapshotFor } from './machine';
import { foldEvents } from './state';

/** Every way through the lifecycle, so that each lifecycle command is sent from each status that takes it. */
const paths: Body[][] = [
	[{ type: 'START' }, { type: 'PAUSE' }, { type: 'RESUME' }, { type: 'RECOVER', aliveWall: T0 }, { type: 'END' }, { type: 'CLOSE' }],
	[{ type: 'START' }, { type: 'PAUSE' }, { type: 'END' }],
	[{ type: 'START' }, { type: 'END' }],
	[{ type: 'END' }, { type: 'CLOSE' }]
];

describe('the exercise lifecycle', () => {
	it('leaves the machine, evolve and a rebuild from the log in the status the table gives, after every lifecycle event', () => {
		const seen = new Set<string>();
		for (const path of paths) {
			const x = given(miniScenario);
			path.forEach((cmd, minute) => {
				const [event, ...others] = x.send(cmd, minute).filter((e) => statusAfter(e) !== null);
				expect(others, `${cmd.type} records one lifecycle event`).toEqual([]);
				seen.add(event.type);
				const status = statusAfter(event);
				expect(x.snapshot.value, `the machine after ${event.type}`).toBe(status);
				expect(x.state().status, `evolve after ${event.type}`).toBe(status);
				expect(snapshotFor(foldEvents('x', x.log)).value, `a rebuild after ${event.type}`).toBe(status);
			});
		}
		expect([...seen].sort()).toEqual(Object.keys(STATUS_AFTER).sort());
	});

	it('takes the lifecycle on from events already stored, as after a restart', () => {
		const x = given(miniScenario, { type: 'exercise.started' }, { type: 'exercise.ended', minute: 30 });
		expect(x.snapshot.value).toBe('ended');
		expect(x.when({ type: 'RESUME' }, 31)).toEqual({ refused: 'cannot resume an exercise that is ended' });
		expect(x.when({ type: 'CLOSE' }, 32)).toMatchObject({ events: [{ type: 'exercise.closed', at: 30 * 60_000 }] });
		expect(x.snapshot.value).toBe('closed');
	});

	it('changes nothing for events outside the lifecycle', () => {
		expect(statusAfter({ type: 'exercise.created' })).toBeNull();
		expect(statusAfter({ type: 'clock.speed_changed' })).toBeNull();
		expect(statusAfter({ type: 'decision.submitted' })).toBeNull();
	});
});
