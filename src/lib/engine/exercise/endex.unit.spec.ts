import { describe, expect, it } from 'vitest';
import { given } from '../../../../tests/fixtures/machine-driver';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from './clock';
import { endexPrompt, overrunOf, REMIND_AFTER_MS } from './endex';

// The mini scenario is planned for 60 minutes.
describe('the ENDEX prompt', () => {
	it('is not shown before the start, before the planned end, or once play has ended', () => {
		const x = given(miniScenario);
		expect(endexPrompt(x.state(), 70 * MINUTE)).toBeNull();
		x.send({ type: 'START' }, 0);
		expect(endexPrompt(x.state(), 59.9 * MINUTE)).toBeNull();
		x.send({ type: 'END' }, 1);
		expect(endexPrompt(x.state(), 70 * MINUTE)).toBeNull();
	});

	it('appears at the planned end and says how far past it play is', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		expect(endexPrompt(x.state(), 60 * MINUTE)).toEqual({ plannedMs: 60 * MINUTE, overMs: 0 });
		expect(overrunOf(endexPrompt(x.state(), 60 * MINUTE)!)).toEqual({ planned: '01:00', overMinutes: 0 });
		expect(overrunOf(endexPrompt(x.state(), 78.5 * MINUTE)!)).toEqual({ planned: '01:00', overMinutes: 18 });
		expect(overrunOf(endexPrompt(x.state(), 125 * MINUTE)!)).toEqual({ planned: '01:00', overMinutes: 65 });
	});

	it('stays away for a while after "Keep playing", then comes back', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		const kept = 61 * MINUTE;
		expect(endexPrompt(x.state(), kept + 1000, kept)).toBeNull();
		expect(endexPrompt(x.state(), kept + REMIND_AFTER_MS, kept)).toMatchObject({ overMs: 16 * MINUTE });
	});

	it('is shown while paused past the end too', () => {
		const x = given(miniScenario);
		x.send({ type: 'START' }, 0);
		x.send({ type: 'PAUSE' }, 61);
		expect(endexPrompt(x.state(), 61 * MINUTE)).toMatchObject({ overMs: MINUTE });
	});
});
