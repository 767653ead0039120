import { describe, expect, it } from 'vitest';
import { miniScenario } from '../../../../tests/fixtures/mini-scenario';
import { given } from '../../../../tests/fixtures/machine-driver';
import type { DomainEvent } from '../exercise/events';
import { foldEvents } from '../exercise/state';
import { teamScores } from './score-decision';
import { timelineEntry } from './timeline';
import { anonymiseEvents, hasPersonalNames, peopleIn, personOfActor, recordsAbout } from './personal-data';

/** A short played exercise: two team members, an evaluator and a controller, with names in free texts. */
function played() {
	const x = given(miniScenario);
	x.send({ type: 'START' }, 0, 'controller:Ana Ruiz');
	x.send({ type: 'DECIDE', injectId: 'tip', team: 'coast-guard', optionId: 'leak', by: 'Maria Lopez' }, 2, 'team:coast-guard:Maria Lopez');
	x.send(
		{
			type: 'SEND_MESSAGE',
			messageId: 'm1',
			fromTeam: 'customs',
			to: ['coast-guard'],
			channel: 'radio',
			text: 'Maria Lopez, call me',
			refInjectId: null,
			by: 'Jon'
		},
		3,
		'team:customs:Jon'
	);
	x.send(
		{ type: 'RATE', team: 'coast-guard', objective: 'share', rating: 'M', explanation: 'Maria Lopez leaked the tip; Maríaz did not', by: 'Eva' },
		4,
		'evaluator:Eva'
	);
	x.send({ type: 'OBSERVE', observationId: 'o1', team: 'customs', objective: null, text: 'Jon was quick', by: 'Eva' }, 5, 'evaluator:Eva');
	x.send({ type: 'END' }, 10, 'controller:Ana Ruiz');
	x.send(
		{
			type: 'UPDATE_IMPROVEMENT',
			itemId: 'i1',
			objective: 'share',
			issue: 'Tip leaked by Maria Lopez',
			correctiveAction: 'Brief the watch',
			capabilityElement: 'training',
			responsibleAgency: 'TTCG',
			pointOfContact: 'Insp. Peters',
			startDate: '',
			dueDate: '',
			by: 'Ana Ruiz'
		},
		11,
		'controller:Ana Ruiz'
	);
	return x.log;
}

describe('who an actor is', () => {
	it('reads team members, other roles and the server itself', () => {
		expect(personOfActor('team:tt-coast-guard:Maria: the 2nd')).toEqual({ name: 'Maria: the 2nd', role: 'participant', team: 'tt-coast-guard' });
		expect(personOfActor('evaluator:Eva')).toEqual({ name: 'Eva', role: 'evaluator', team: null });
		expect(personOfActor('system')).toBeNull();
		expect(personOfActor('given')).toBeNull();
		expect(personOfActor('robot:x')).toBeNull();
	});

	it('lists everyone who acted, once each, in order of their first act', () => {
		expect(peopleIn(played()).map((p) => `${p.role}/${p.team ?? '-'}/${p.name}`)).toEqual([
			'controller/-/Ana Ruiz',
			'participant/coast-guard/Maria Lopez',
			'participant/customs/Jon',
			'evaluator/-/Eva'
		]);
	});
});

describe('anonymising a log', () => {
	const log = played();
	const { events, people } = anonymiseEvents(log);

	it('replaces every name in actors, by, free texts and points of contact', () => {
		expect(people).toBe(4);
		const text = JSON.stringify(events);
		for (const name of ['Ana Ruiz', 'Maria Lopez', 'Jon', 'Eva', 'Insp. Peters']) expect(text).not.toContain(name);
		expect(events.map((e) => e.actor)).toContain('team:coast-guard:P-1');
		expect(events.find((e) => e.type === 'message.sent')).toMatchObject({ text: 'P-1, call me', by: 'P-2', actor: 'team:customs:P-2' });
		// Whole words only: "Maríaz" is another word and stays.
		expect(events.find((e) => e.type === 'rating.set')).toMatchObject({ explanation: 'P-1 leaked the tip; Maríaz did not', by: 'E-1' });
		expect(events.find((e) => e.type === 'improvement.updated')).toMatchObject({ issue: 'Tip leaked by P-1', pointOfContact: 'K-1', by: 'C-1' });
		expect(hasPersonalNames(log)).toBe(true);
		expect(hasPersonalNames(events)).toBe(false);
	});

	it('keeps seqs, times, choices, scores and the timeline', () => {
		expect(events.map((e) => [e.seq, e.type, e.at, e.wall])).toEqual(log.map((e) => [e.seq, e.type, e.at, e.wall]));
		const before = foldEvents('x', log);
		const after = foldEvents('x', events);
		expect(teamScores(before).some((t) => t.earned !== 0)).toBe(true);
		expect(teamScores(after)).toEqual(teamScores(before));
		expect(after.status).toBe(before.status);
		expect(events.map((e) => timelineEntry(e, after.scenario).kind)).toEqual(log.map((e) => timelineEntry(e, before.scenario).kind));
		// The original log is not changed.
		expect(JSON.stringify(log)).toContain('Maria Lopez');
	});

	it('is idempotent', () => {
		expect(anonymiseEvents(events).events).toEqual(events);
	});
});

describe('a member removed before they acted', () => {
	const log = [
		...played(),
		{
			type: 'member.removed',
			sid: 's1',
			name: 'Intruder Ivan',
			role: 'participant',
			team: 'customs',
			by: 'Ana Ruiz',
			exerciseId: 'x',
			at: 1,
			wall: 1,
			actor: 'controller:Ana Ruiz',
			seq: 99
		}
	] as DomainEvent[];

	it('is a person the log records, and is anonymised with the rest', () => {
		expect(peopleIn(log).at(-1)).toEqual({ name: 'Intruder Ivan', role: 'participant', team: 'customs' });
		expect(recordsAbout(log, 'Intruder Ivan').as).toEqual([{ name: 'Intruder Ivan', role: 'participant', team: 'customs' }]);
		const { events } = anonymiseEvents(log);
		expect(events.at(-1)).toMatchObject({ name: 'P-3', by: 'C-1' });
		expect(JSON.stringify(events)).not.toContain('Intruder Ivan');
	});
});

describe('what the log holds about one person', () => {
	it('finds what they did and where others named them', () => {
		const r = recordsAbout(played(), ' Maria Lopez ');
		expect(r.as).toEqual([{ name: 'Maria Lopez', role: 'participant', team: 'coast-guard' }]);
		expect(r.acted.map((e) => e.type)).toEqual(['decision.submitted']);
		expect(r.named.map((e) => e.type)).toEqual(['message.sent', 'rating.set', 'improvement.updated']);
	});

	it('finds nothing for a name nobody used', () => {
		expect(recordsAbout(played(), 'Nobody Here')).toEqual({ as: [], acted: [], named: [] });
	});
});
