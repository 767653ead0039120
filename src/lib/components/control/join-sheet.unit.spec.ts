import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { joinRows, joinUrl } from './join-sheet';

describe('the join sheet', () => {
	it('lists teams in the scenario order, then evaluators and observers', () => {
		const rows = joinRows(miniScenario, { teams: { customs: 'CUST-1111', 'coast-guard': 'COAS-2222' }, evaluator: 'EVAL-3333', observer: 'OBSV-4444' });
		expect(rows.map((r) => [r.kind, r.name, r.code])).toEqual([
			['team', 'Coast Guard', 'COAS-2222'],
			['team', 'Customs', 'CUST-1111'],
			['evaluator', 'Evaluators', 'EVAL-3333'],
			['observer', 'Observers', 'OBSV-4444']
		]);
		expect(rows[0].detail).toBe('TTCG · Trinidad and Tobago');
	});

	it('keeps a code whose team is unknown, and leaves out a missing observer code', () => {
		const rows = joinRows(miniScenario, { teams: { ghost: 'GHOS-1' }, evaluator: 'EVAL-1' });
		expect(rows.map((r) => r.code)).toEqual(['GHOS-1', 'EVAL-1']);
		expect(joinRows(miniScenario, null)).toEqual([]);
	});

	it('makes the join address with the code in the query', () => {
		expect(joinUrl('http://10.0.0.5:3000/', 'AB C-12')).toBe('http://10.0.0.5:3000/?code=AB%20C-12');
	});
});
