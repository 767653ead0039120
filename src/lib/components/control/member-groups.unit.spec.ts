import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import type { PresentMember } from '$lib/realtime/contract';
import { memberGroups } from './member-groups';

const member = (name: string, role: PresentMember['role'], team: string | null, sid: string | null): PresentMember => ({ name, role, team, sid });

describe('memberGroups', () => {
	it('groups connected members by team in scenario order, then evaluators and observers; controllers left out', () => {
		const groups = memberGroups(miniScenario, [
			member('Eve', 'evaluator', null, 'e1'),
			member('Zoe', 'participant', 'customs', 'c2'),
			member('Ana', 'controller', null, null),
			member('Kareem', 'participant', 'customs', 'c1'),
			member('Maria', 'participant', 'coast-guard', 'g1'),
			member('Olu', 'observer', null, 'o1')
		]);
		expect(groups.map((g) => [g.key, g.name, g.members.map((x) => x.name)])).toEqual([
			['coast-guard', 'Coast Guard', ['Maria']],
			['customs', 'Customs', ['Kareem', 'Zoe']],
			['evaluator', 'Evaluators', ['Eve']],
			['observer', 'Observers', ['Olu']]
		]);
	});

	it('lists a session once however many tabs it has open, and a team the scenario no longer has last', () => {
		const groups = memberGroups(miniScenario, [
			member('Maria', 'participant', 'coast-guard', 'g1'),
			member('Maria', 'participant', 'coast-guard', 'g1'),
			member('Maria', 'participant', 'coast-guard', 'g2'),
			member('Ghost', 'participant', 'navy', 'n1')
		]);
		expect(groups.map((g) => [g.key, g.members.map((x) => x.sid)])).toEqual([
			['coast-guard', ['g1', 'g2']],
			['navy', ['n1']]
		]);
		expect(memberGroups(miniScenario, [])).toEqual([]);
	});
});
