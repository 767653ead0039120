import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { summarizeScenario } from './summary';

describe('summarizeScenario', () => {
	it('tells who plays and how much there is, without the package itself', () => {
		expect(summarizeScenario(miniScenario)).toEqual({
			id: 'mini',
			title: 'Mini interdiction',
			summary: 'A go-fast heads north.',
			kind: 'maritime-trafficking',
			teams: [
				{ id: 'coast-guard', name: 'Coast Guard' },
				{ id: 'customs', name: 'Customs' }
			],
			injects: 4,
			decisions: 2,
			durationMinutes: 60
		});
	});
});
