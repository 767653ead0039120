/** Branching MSEL: conditional injects released by decisions, missed deadlines and messages; skip and ad-hoc injects. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { given } from '../../../../tests/fixtures/machine-driver';
import { miniScenarioInput } from '../../../../tests/fixtures/mini-scenario';
import { MINUTE } from './clock';
import { eventsForAudience } from './audience';
import type { DomainEvent, NewEvent } from './events';
import { foldEvents } from './state';
import { parseScenarioYaml } from '../scenario/parse';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema';

/** The mini scenario plus a branch on the tip-off decision, a contingency and a message trigger. */
function branching(): ScenarioInput {
	const s = structuredClone(miniScenarioInput);
	s.injects.push(
		{
			id: 'branch-share',
			trigger: { decision: 'tip', option: 'share', delayMinutes: 2 },
			from: 'Grenada CG',
			to: ['coast-guard'],
			channel: 'radio',
			title: 'Grenada thanks you',
			body: 'Ready to intercept.'
		},
		{
			id: 'branch-wait',
			trigger: { decision: 'tip', option: 'wait' },
			from: 'JRCC',
			to: ['coast-guard'],
			channel: 'phone',
			title: 'Why no report?',
			body: 'Grenada heard nothing.'
		},
		{
			id: 'contingency',
			trigger: { missed: 'tip', delayMinutes: 1 },
			from: 'RIFC',
			to: ['coast-guard'],
			channel: 'phone',
			title: 'Chaser',
			body: 'Please act on the tip.'
		},
		{
			id: 'after-chat',
			trigger: { message: { from: 'customs', to: 'coast-guard' } },
			from: 'Port',
			to: ['customs'],
			channel: 'email',
			title: 'Manifest found',
			body: 'It was in the bin.'
		},
		{ id: 'second-order', trigger: { decision: 'both' }, from: 'Media', to: ['customs'], channel: 'media', title: 'Press call', body: 'What happened?' }
	);
	return s;
}

const run = (input: ScenarioInput) => given(scenarioSchema.parse(input));
const released = (events: NewEvent[]) => events.flatMap((e) => (e.type === 'inject.released' ? [e.injectId] : []));

describe('branching on decisions', () => {
	it('releases the branch for the option chosen, after its delay, and never the other', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		expect(x.state().injects['branch-share'].status).toBe('waiting');
		const events = x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'A' }, 3);
		expect(events.map((e) => e.type)).toEqual(['decision.submitted', 'inject.triggered']);
		const trigger = events.find((e) => e.type === 'inject.triggered');
		expect(trigger).toMatchObject({ injectId: 'branch-share', dueAt: 5 * MINUTE, cause: 'Coast Guard chose “Share and launch” on “Tip-off”' });
		expect(released(x.send({ type: 'TICK' }, 4))).toEqual([]);
		expect(released(x.send({ type: 'TICK' }, 5))).toEqual(['branch-share']);
		expect(released(x.send({ type: 'TICK' }, 60))).not.toContain('branch-wait');
		expect(x.state().injects['branch-wait'].status).toBe('waiting');
		// The tip-off was never passed on to customs, so its contingency fired anyway.
		expect(x.log.find((e) => e.type === 'inject.triggered' && e.injectId === 'contingency')).toMatchObject({
			cause: 'Coast Guard did not pass “Tip-off” on to Customs'
		});
	});

	it('takes the other branch for the other option, and chains to later decisions', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'wait', by: 'A' }, 1);
		expect(released(x.send({ type: 'TICK' }, 1))).toEqual(['branch-wait']);
		x.send({ type: 'TICK' }, 20);
		x.send({ type: 'DECIDE', injectId: 'both', team: 'customs', optionId: 'none', by: 'C' }, 21);
		// At 21 the branch and the contingency for the unshared tip-off (missed at 10, noticed at 20, +1 min) go out together.
		expect(released(x.send({ type: 'TICK' }, 21))).toEqual(['contingency', 'second-order']);
	});
});

describe('contingency and message triggers', () => {
	it('fires the contingency when the decision deadline passes unanswered', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		const due = x.send({ type: 'TICK' }, 15);
		expect(due.find((e) => e.type === 'inject.triggered' && e.injectId === 'contingency')).toMatchObject({
			dueAt: 16 * MINUTE,
			cause: 'Coast Guard missed the deadline on “Tip-off”'
		});
		expect(released(x.send({ type: 'TICK' }, 16))).toEqual(['contingency']);
	});

	it('fires on a message between the named teams only', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		x.send({ type: 'SEND_MESSAGE', messageId: 'm1', fromTeam: 'coast-guard', to: ['customs'], channel: 'radio', text: 'hi', refInjectId: null, by: 'A' }, 1);
		expect(x.state().injects['after-chat'].status).toBe('waiting');
		x.send(
			{ type: 'SEND_MESSAGE', messageId: 'm2', fromTeam: 'customs', to: ['coast-guard'], channel: 'radio', text: 'hi back', refInjectId: null, by: 'C' },
			2
		);
		expect(released(x.send({ type: 'TICK' }, 2))).toEqual(['after-chat']);
	});

	it('lets a team write to exercise control (the outside agencies), which can trigger an answer; no one else sees it', () => {
		const s = branching();
		s.injects.push({
			id: 'rifc-answers',
			trigger: { message: { from: 'coast-guard', to: 'exercise-control' } },
			from: 'RIFC analyst',
			to: ['coast-guard'],
			channel: 'phone',
			title: 'RIFC calls back',
			body: 'We can send the imagery.'
		});
		const x = run(s);
		x.send({ type: 'START' }, 0);
		const message = {
			type: 'SEND_MESSAGE' as const,
			fromTeam: 'coast-guard',
			channel: 'phone' as const,
			text: 'RIFC: any imagery?',
			refInjectId: null,
			by: 'A'
		};
		expect(x.refusal({ ...message, messageId: 'm0', to: ['rifc'] }, 1)).toBe('unknown team "rifc"');
		x.send({ ...message, messageId: 'm1', to: ['exercise-control'] }, 1);
		expect(released(x.send({ type: 'TICK' }, 1))).toEqual(['rifc-answers']);
		const customs = eventsForAudience(x.log as DomainEvent[], { role: 'participant', team: 'customs' });
		expect(customs.some((e) => e.type === 'message.sent')).toBe(false);
		expect(() => scenarioSchema.parse({ ...s, teams: [...s.teams, { id: 'exercise-control', name: 'X', agency: 'X', state: 'X' }] })).toThrow(/reserved/);
	});

	it('replays to the same state', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'share', by: 'A' }, 3);
		x.send({ type: 'TICK' }, 30);
		expect(foldEvents('x', x.log)).toEqual({ ...x.state(), lastSeq: x.log.length });
	});
});

describe('controller acts on the MSEL', () => {
	it('skips an inject so it is never released, and refuses to release or hold it afterwards', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		x.send({ type: 'SKIP_INJECT', injectId: 'customs-note' }, 1);
		expect(released(x.send({ type: 'TICK' }, 30))).not.toContain('customs-note');
		expect(x.refusal({ type: 'RELEASE_INJECT', injectId: 'customs-note' }, 31)).toBe('inject "customs-note" was skipped');
		expect(x.refusal({ type: 'HOLD_INJECT', injectId: 'branch-wait' }, 31)).toBe('inject "branch-wait" is waiting for its trigger');
		// A waiting inject can still be released early by hand.
		expect(released(x.send({ type: 'RELEASE_INJECT', injectId: 'branch-wait' }, 31))).toEqual(['branch-wait']);
	});

	it('adds an ad-hoc inject that goes out at its time, and checks it', () => {
		const x = run(branching());
		x.send({ type: 'START' }, 0);
		const inject = scenarioSchema.shape.injects.element.parse({
			id: 'adhoc-1',
			at: 0,
			from: 'Minister of National Security',
			to: ['customs'],
			channel: 'phone',
			title: 'Minister wants a briefing',
			body: 'Call back in five minutes.'
		});
		const added = x.send({ type: 'ADD_INJECT', inject, dueAt: 7 * MINUTE }, 5);
		expect(added[0]).toMatchObject({ type: 'inject.added', dueAt: 7 * MINUTE, actor: 'controller:Ana' });
		expect(released(x.send({ type: 'TICK' }, 7))).toEqual(['adhoc-1']);
		expect(x.refusal({ type: 'ADD_INJECT', inject, dueAt: 0 }, 8)).toBe('an inject "adhoc-1" already exists');
		expect(x.refusal({ type: 'ADD_INJECT', inject: { ...inject, id: 'adhoc-2', to: ['navy'] }, dueAt: 0 }, 8)).toBe('unknown team "navy"');
	});
});

describe('scenario checks for triggers', () => {
	const problems = (mutate: (s: ScenarioInput) => void) => {
		const s = branching();
		mutate(s);
		const r = parseScenarioYaml(stringify(s));
		return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
	};
	it('accepts the branching scenario', () => {
		expect(problems(() => {})).toEqual([]);
	});
	it('names a trigger on a missing inject, an unknown option, and an inject with both or neither of at/trigger', () => {
		expect(problems((s) => ((s.injects[4].trigger as { decision: string }).decision = 'ghost'))).toContain(
			'injects[4].trigger.decision: trigger on a missing inject "ghost"'
		);
		expect(problems((s) => ((s.injects[4].trigger as { option: string }).option = 'nope'))).toContain(
			'injects[4].trigger.option: inject "tip" has no option "nope"'
		);
		expect(problems((s) => (s.injects[4].at = 3))).toContain('injects[4]: needs exactly one of "at" (a release time) or "trigger"');
		expect(problems((s) => delete s.injects[1].at)).toContain('injects[1]: needs exactly one of "at" (a release time) or "trigger"');
	});
	it('names injects that can never be released', () => {
		const found = problems((s) => {
			s.injects.push(
				{
					id: 'loop-a',
					trigger: { decision: 'loop-b' },
					from: 'x',
					to: ['customs'],
					channel: 'email',
					title: 'a',
					body: 'a',
					decision: {
						prompt: 'p',
						expectedWithinMinutes: 1,
						deadlineMinutes: 2,
						options: [
							{ id: 'o1', label: 'o', scores: { share: 1 } },
							{ id: 'o2', label: 'o', scores: { share: 0 } }
						]
					}
				},
				{
					id: 'loop-b',
					trigger: { decision: 'loop-a' },
					from: 'x',
					to: ['customs'],
					channel: 'email',
					title: 'b',
					body: 'b',
					decision: {
						prompt: 'p',
						expectedWithinMinutes: 1,
						deadlineMinutes: 2,
						options: [
							{ id: 'o1', label: 'o', scores: { share: 1 } },
							{ id: 'o2', label: 'o', scores: { share: 0 } }
						]
					}
				}
			);
		});
		expect(found).toEqual([
			'injects[9].trigger: unreachable: its trigger chain never starts from a timed inject',
			'injects[10].trigger: unreachable: its trigger chain never starts from a timed inject'
		]);
	});
});
