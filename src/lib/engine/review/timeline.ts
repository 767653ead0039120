/**
 * The timeline projection: one line per event (what it says as data, worded in the browser), with what it can be
 * filtered by (teams, objectives, channel, kind) and the decision latency,
 * for controllers, evaluators and the after-action review.
 */
import type { DomainEvent, TriggerCause } from '../exercise/events';
import type { Scenario } from '../scenario/schema';
import type { Waters } from '../sim/zones';

export const TIMELINE_KINDS = ['exercise', 'inject', 'decision', 'message', 'coordination', 'map', 'evaluation'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What an event says, as data: worded in the reader's language by `timelineText` (`$lib/i18n/review-words`). Teams,
 * objectives, entities, injects and areas are ids (looked up in the scenario when worded); `null` team: all teams. */
export type TimelineLine =
	| { kind: 'created'; title: string; scenarioTitle: string; scenarioVersion: number | null }
	| { kind: 'started' | 'paused' | 'resumed' | 'ended' | 'closed' }
	| { kind: 'recovered'; downtimeS: number }
	| { kind: 'speed'; speed: number }
	| { kind: 'inject-held' | 'inject-unheld' | 'inject-skipped'; inject: string }
	| { kind: 'inject-triggered'; inject: string; cause: string; because?: TriggerCause; dueAt: number }
	| { kind: 'inject-added'; title: string; by: string; dueAt: number }
	| { kind: 'inject-released'; early: boolean; channel: string; title: string; from: string; to: string[] }
	| { kind: 'decided'; team: string; label: string; inject: string; latencyMs: number; points: number; maxPoints: number; rule: string | null }
	| { kind: 'deadline-missed'; team: string; inject: string; absent: boolean }
	| { kind: 'message'; from: string; to: string[]; channel: string; re: string | null; text: string }
	| { kind: 'message-answered'; by: string; team: string; withInject: boolean }
	| { kind: 'team-marked'; by: string; team: string; mode: 'playing' | 'absent' | 'control' }
	| { kind: 'member-removed'; by: string; name: string; role: 'participant' | 'evaluator' | 'observer'; team: string | null }
	| { kind: 'code-rotated'; by: string; role: 'participant' | 'evaluator' | 'observer'; team: string | null; signOut: boolean }
	| { kind: 'shared'; team: string; inject: string; target: string; latencyMs: number; points: number; maxPoints: number }
	| { kind: 'not-shared'; team: string; inject: string; target: string }
	| { kind: 'observation'; edited: boolean; team: string | null; objective: string | null; by: string; text: string }
	| { kind: 'observation-deleted'; team: string | null; by: string }
	| { kind: 'narrative'; by: string; cleared: boolean; section: 'summary' | 'strengths' | 'improvements'; objective: string | null }
	| { kind: 'rated'; by: string; team: string; objective: string; rating: string; explanation: string }
	| { kind: 'score-adjusted'; by: string; team: string; objective: string; points: number; reason: string }
	| { kind: 'sharing-changed'; open: boolean }
	| { kind: 'improvement'; issue: string; by: string; agency: string; due: string }
	| {
			kind: 'tasked';
			by: string;
			entity: string;
			order: { type: 'goto'; point: readonly [number, number] } | { type: 'patrol'; points: number } | { type: 'intercept'; target: string } | { type: 'hold' };
			knots: number;
	  }
	| { kind: 'intercept-assessed'; entity: string; target: string; feasible: boolean; reason: string }
	| { kind: 'intercepted'; entity: string; target: string; shadowing: boolean; point: readonly [number, number]; waters: Waters }
	| { kind: 'detected'; team: string; entity: string; contact: string; rangeNm: number }
	| { kind: 'lost'; team: string; contact: string; position: readonly [number, number] }
	| { kind: 'regained'; team: string; entity: string; contact: string; rangeNm: number }
	| { kind: 'area'; entity: string; area: string; entered: boolean }
	| { kind: 'landed'; entity: string; people: number; port: string }
	| { kind: 'facility'; by: string; entity: string; open: boolean; staff: number }
	| { kind: 'alert'; alert: Extract<DomainEvent, { type: 'simulation.alert' }> };

export interface TimelineEntry {
	seq: number;
	at: number;
	wall: number;
	type: DomainEvent['type'];
	kind: TimelineKind;
	teams: string[];
	objectives: string[];
	channel: string | null;
	/** For decisions and coordination: how long the team took. */
	latencyMs: number | null;
	actor: string;
	/** What happened, as data (see `TimelineLine`). */
	line: TimelineLine;
}

const sum = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);

export function timelineEntry(event: DomainEvent, scenario: Scenario | null): TimelineEntry {
	const teamsOf = (team: string | null) => (team ? [team] : []);
	const injectObjectives = (id: string) => scenario?.injects.find((i) => i.id === id)?.objectives ?? [];
	const entry = (kind: TimelineKind, line: TimelineLine, more: Partial<TimelineEntry> = {}): TimelineEntry => ({
		seq: event.seq,
		at: event.at,
		wall: event.wall,
		type: event.type,
		kind,
		teams: [],
		objectives: [],
		channel: null,
		latencyMs: null,
		actor: event.actor,
		line,
		...more
	});
	switch (event.type) {
		case 'exercise.created':
			return entry('exercise', { kind: 'created', title: event.title, scenarioTitle: event.scenario.title, scenarioVersion: event.scenarioVersion ?? null });
		case 'exercise.started':
			return entry('exercise', { kind: 'started' });
		case 'exercise.paused':
			return entry('exercise', { kind: 'paused' });
		case 'exercise.resumed':
			return entry('exercise', { kind: 'resumed' });
		case 'exercise.ended':
			return entry('exercise', { kind: 'ended' });
		case 'exercise.closed':
			return entry('exercise', { kind: 'closed' });
		case 'exercise.recovered':
			return entry('exercise', { kind: 'recovered', downtimeS: Math.round(event.downtimeMs / 1000) });
		case 'clock.speed_changed':
			return entry('exercise', { kind: 'speed', speed: event.speed });
		case 'inject.held':
			return entry('inject', { kind: 'inject-held', inject: event.injectId });
		case 'inject.unheld':
			return entry('inject', { kind: 'inject-unheld', inject: event.injectId });
		case 'inject.triggered':
			return entry('inject', { kind: 'inject-triggered', inject: event.injectId, cause: event.cause, because: event.because, dueAt: event.dueAt });
		case 'inject.added':
			return entry(
				'inject',
				{ kind: 'inject-added', title: event.inject.title, by: event.actor.replace(/^controller:/, ''), dueAt: event.dueAt },
				{ teams: event.inject.to, channel: event.inject.channel }
			);
		case 'inject.skipped':
			return entry('inject', { kind: 'inject-skipped', inject: event.injectId });
		case 'inject.released':
			return entry(
				'inject',
				{
					kind: 'inject-released',
					early: event.manual,
					channel: event.inject.channel,
					title: event.inject.title,
					from: event.inject.from,
					to: event.inject.to
				},
				{ teams: event.inject.to, objectives: event.inject.objectives, channel: event.inject.channel }
			);
		case 'decision.submitted':
			return entry(
				'decision',
				{
					kind: 'decided',
					team: event.team,
					label: event.explanation.label,
					inject: event.injectId,
					latencyMs: event.latencyMs,
					points: sum(event.points),
					maxPoints: sum(event.maxPoints),
					rule: event.violation?.rule ?? null
				},
				{ teams: [event.team], objectives: Object.keys(event.maxPoints), latencyMs: event.latencyMs }
			);
		case 'decision.expired':
			return entry(
				'decision',
				{ kind: 'deadline-missed', team: event.team, inject: event.injectId, absent: !!event.teamAbsent },
				{ teams: [event.team], objectives: Object.keys(event.maxPoints) }
			);
		case 'message.sent':
			return entry(
				'message',
				{ kind: 'message', from: event.fromTeam, to: event.to, channel: event.channel, re: event.refInjectId ?? null, text: event.text },
				{ teams: [event.fromTeam, ...event.to], channel: event.channel, objectives: event.refInjectId ? injectObjectives(event.refInjectId) : [] }
			);
		case 'message.answered':
			return entry('message', { kind: 'message-answered', by: event.by, team: event.team, withInject: !!event.injectId }, { teams: [event.team] });
		case 'team.marked':
			return entry('exercise', { kind: 'team-marked', by: event.by, team: event.team, mode: event.mode }, { teams: [event.team] });
		case 'member.removed':
			return entry('exercise', { kind: 'member-removed', by: event.by, name: event.name, role: event.role, team: event.team }, { teams: teamsOf(event.team) });
		case 'join_code.rotated':
			return entry(
				'exercise',
				{ kind: 'code-rotated', by: event.by, role: event.role, team: event.team, signOut: event.signOut },
				{ teams: teamsOf(event.team) }
			);
		case 'coordination.credited':
			return entry(
				'coordination',
				{
					kind: 'shared',
					team: event.team,
					inject: event.injectId,
					target: event.target,
					latencyMs: event.latencyMs,
					points: event.points,
					maxPoints: event.maxPoints
				},
				{ teams: [event.team, event.target], objectives: [event.objective], latencyMs: event.latencyMs }
			);
		case 'coordination.missed':
			return entry(
				'coordination',
				{ kind: 'not-shared', team: event.team, inject: event.injectId, target: event.target },
				{ teams: [event.team, event.target], objectives: [event.objective] }
			);
		case 'observation.recorded':
		case 'observation.edited':
			return entry(
				'evaluation',
				{ kind: 'observation', edited: event.type === 'observation.edited', team: event.team, objective: event.objective, by: event.by, text: event.text },
				{ teams: event.team ? [event.team] : [], objectives: event.objective ? [event.objective] : [] }
			);
		case 'observation.deleted':
			return entry('evaluation', { kind: 'observation-deleted', team: event.team, by: event.by }, { teams: event.team ? [event.team] : [] });
		case 'aar.narrative_set': {
			const [kind, objective = null] = event.section.split(':');
			const section = kind === 'summary' ? 'summary' : kind === 'strengths' ? 'strengths' : 'improvements';
			return entry(
				'evaluation',
				{ kind: 'narrative', by: event.by, cleared: !event.text, section, objective: section === 'summary' ? null : objective },
				{ objectives: objective ? [objective] : [] }
			);
		}
		case 'rating.set':
			return entry(
				'evaluation',
				{ kind: 'rated', by: event.by, team: event.team, objective: event.objective, rating: event.rating, explanation: event.explanation },
				{ teams: [event.team], objectives: [event.objective] }
			);
		case 'score.adjusted':
			return entry(
				'evaluation',
				{ kind: 'score-adjusted', by: event.by, team: event.team, objective: event.objective, points: event.points, reason: event.reason },
				{ teams: [event.team], objectives: [event.objective] }
			);
		case 'review.sharing_changed':
			return entry('evaluation', { kind: 'sharing-changed', open: event.participantsMaySee });
		case 'improvement.updated':
			return entry(
				'evaluation',
				{ kind: 'improvement', issue: event.issue, by: event.by, agency: event.responsibleAgency, due: event.dueDate },
				{ objectives: event.objective ? [event.objective] : [] }
			);
		case 'asset.tasked': {
			const o = event.order;
			const order: Extract<TimelineLine, { kind: 'tasked' }>['order'] =
				o.type === 'goto'
					? { type: 'goto', point: o.point }
					: o.type === 'patrol'
						? { type: 'patrol', points: o.points.length }
						: o.type === 'intercept'
							? { type: 'intercept', target: o.target }
							: { type: 'hold' };
			return entry('map', { kind: 'tasked', by: event.by, entity: event.entityId, order, knots: event.speedKnots }, { teams: teamsOf(event.team) });
		}
		case 'intercept.assessed':
			return entry(
				'map',
				{ kind: 'intercept-assessed', entity: event.entityId, target: event.target, feasible: event.feasible, reason: event.reason },
				{ teams: teamsOf(event.team) }
			);
		case 'intercept.achieved':
			return entry(
				'map',
				{ kind: 'intercepted', entity: event.entityId, target: event.target, shadowing: event.shadowing, point: event.point, waters: event.waters },
				{ teams: teamsOf(event.team) }
			);
		case 'contact.detected':
			return entry(
				'map',
				{ kind: 'detected', team: event.team, entity: event.entityId, contact: event.contact, rangeNm: event.rangeNm },
				{ teams: [event.team] }
			);
		case 'contact.lost':
			return entry('map', { kind: 'lost', team: event.team, contact: event.contact, position: event.position }, { teams: [event.team] });
		case 'contact.regained':
			return entry(
				'map',
				{ kind: 'regained', team: event.team, entity: event.entityId, contact: event.contact, rangeNm: event.rangeNm },
				{ teams: [event.team] }
			);
		case 'area.crossed':
			return entry('map', { kind: 'area', entity: event.entityId, area: event.area, entered: event.on === 'enter' });
		case 'boat.landed':
			return entry('map', { kind: 'landed', entity: event.entityId, people: event.people, port: event.port });
		case 'facility.changed':
			return entry('map', { kind: 'facility', by: event.by, entity: event.entityId, open: event.open, staff: event.staff }, { teams: teamsOf(event.team) });
		case 'simulation.alert':
			return entry('map', { kind: 'alert', alert: event }, { teams: teamsOf(event.team) });
	}
}
