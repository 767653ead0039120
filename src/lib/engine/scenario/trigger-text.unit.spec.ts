import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { describeTrigger, triggerParts } from './trigger-text';
import type { Trigger } from './schema';

const t = (trigger: object) => trigger as Trigger;

describe('a trigger, named', () => {
	it('gives its parts with the scenario’s names, ids where it has none, null for any team', () => {
		expect(triggerParts(t({ decision: 'tip', option: 'share', team: 'coast-guard', delayMinutes: 5 }), miniScenario)).toEqual({
			kind: 'decision',
			delayMinutes: 5,
			team: 'Coast Guard',
			option: 'share',
			decision: 'tip'
		});
		expect(triggerParts(t({ missed: 'tip' }), miniScenario)).toEqual({ kind: 'missed', delayMinutes: 0, team: null, missed: 'tip' });
		expect(triggerParts(t({ message: { from: 'customs', to: 'exercise-control' } }), miniScenario)).toMatchObject({
			kind: 'message',
			from: 'Customs',
			to: null,
			toControl: true
		});
		expect(triggerParts(t({ intercept: { target: 'go-fast', waters: 'high-seas' } }), miniScenario)).toMatchObject({
			kind: 'intercept',
			target: 'Go-fast',
			team: null,
			waters: 'high-seas'
		});
		expect(triggerParts(t({ area: { entity: 'ghost', area: 'bay', on: 'leave' } }), null)).toMatchObject({ entity: 'ghost', area: 'bay', on: 'leave' });
		expect(triggerParts(t({ alert: { type: 'distress' } }), miniScenario)).toEqual({ kind: 'alert', delayMinutes: 0, entity: null, alert: 'distress' });
	});

	it('says it in English for the MSEL file, as before', () => {
		expect(describeTrigger(t({ decision: 'tip', team: 'coast-guard', delayMinutes: 5 }), miniScenario)).toBe(
			'Coast Guard chooses any option on "tip" (+5 min)'
		);
		expect(describeTrigger(t({ message: { from: 'customs', to: 'exercise-control' } }), miniScenario)).toBe('Customs messages exercise-control');
		expect(describeTrigger(t({ message: { from: 'customs' } }), miniScenario)).toBe('Customs messages another team');
		expect(describeTrigger(t({ intercept: { target: 'go-fast', team: 'coast-guard', waters: 'foreign' } }), miniScenario)).toBe(
			"Coast Guard intercepts Go-fast in another state's waters"
		);
		expect(describeTrigger(t({ alert: { type: 'minors-found', entity: 'cutter' } }), miniScenario)).toBe('Cutter finds unaccompanied minors');
	});
});
