/**
 * The timeline projection: one readable line per event, with what it can be
 * filtered by (teams, objectives, channel, kind) and the decision latency,
 * for controllers, evaluators and the after-action review.
 */
import { MINUTE } from '../exercise/clock';
import { formatClockMs } from '../exercise/time-format';
import type { DomainEvent } from '../exercise/events';
import { EXERCISE_CONTROL, type Scenario } from '../scenario/schema';

export const TIMELINE_KINDS = ['exercise', 'inject', 'decision', 'message', 'coordination', 'map', 'evaluation'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

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
	text: string;
}

const sum = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);
const minutes = (ms: number) => `${(ms / MINUTE).toFixed(1)} min`;

export function timelineEntry(event: DomainEvent, scenario: Scenario | null): TimelineEntry {
	const teamName = (id: string | null) =>
		id === null ? 'all teams' : id === EXERCISE_CONTROL ? 'Exercise control' : (scenario?.teams.find((t) => t.id === id)?.name ?? id);
	const objectiveName = (id: string | null) => (id === null ? 'general' : (scenario?.objectives.find((o) => o.id === id)?.name ?? id));
	const entityName = (id: string) => scenario?.entities.find((e) => e.id === id)?.name ?? id;
	const where = (p: readonly [number, number]) => `${p[1].toFixed(2)}°N ${Math.abs(p[0]).toFixed(2)}°${p[0] < 0 ? 'W' : 'E'}`;
	const teamsOf = (team: string | null) => (team ? [team] : []);
	const injectTitle = (id: string) => scenario?.injects.find((i) => i.id === id)?.title ?? id;
	const injectObjectives = (id: string) => scenario?.injects.find((i) => i.id === id)?.objectives ?? [];
	const entry = (kind: TimelineKind, text: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({
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
		text,
		...more
	});
	switch (event.type) {
		case 'exercise.created':
			return entry('exercise', `Exercise "${event.title}" created from scenario "${event.scenario.title}"`);
		case 'exercise.started':
			return entry('exercise', 'Exercise started');
		case 'exercise.paused':
			return entry('exercise', 'Exercise paused');
		case 'exercise.resumed':
			return entry('exercise', 'Exercise resumed');
		case 'exercise.ended':
			return entry('exercise', 'Exercise ended');
		case 'exercise.closed':
			return entry('exercise', 'Evaluation closed: ratings are final');
		case 'exercise.recovered':
			return entry('exercise', `Server restarted after ${Math.round(event.downtimeMs / 1000)} s offline; the clock carried on from where it stopped`);
		case 'clock.speed_changed':
			return entry('exercise', `Clock speed set to ${event.speed}×`);
		case 'inject.held':
			return entry('inject', `Inject "${injectTitle(event.injectId)}" held by controller`);
		case 'inject.unheld':
			return entry('inject', `Inject "${injectTitle(event.injectId)}" no longer held`);
		case 'inject.triggered':
			return entry('inject', `Inject "${injectTitle(event.injectId)}" triggered (${event.cause}), due at ${formatClockMs(event.dueAt)}`);
		case 'inject.added':
			return entry(
				'inject',
				`Ad-hoc inject "${event.inject.title}" written by ${event.actor.replace(/^controller:/, '')}, due at ${formatClockMs(event.dueAt)}`,
				{
					teams: event.inject.to,
					channel: event.inject.channel
				}
			);
		case 'inject.skipped':
			return entry('inject', `Inject "${injectTitle(event.injectId)}" skipped by controller`);
		case 'inject.released':
			return entry(
				'inject',
				`${event.manual ? 'Released early' : 'Released'}: [${event.inject.channel}] "${event.inject.title}" from ${event.inject.from} to ${event.inject.to.map(teamName).join(', ')}`,
				{ teams: event.inject.to, objectives: event.inject.objectives, channel: event.inject.channel }
			);
		case 'decision.submitted':
			return entry(
				'decision',
				`${teamName(event.team)} decided "${event.explanation.label}" on "${injectTitle(event.injectId)}" after ${minutes(event.latencyMs)} (${sum(event.points).toFixed(1)}/${sum(event.maxPoints)} points)${event.violation ? ` — breaks a rule: ${event.violation.rule}` : ''}`,
				{ teams: [event.team], objectives: Object.keys(event.maxPoints), latencyMs: event.latencyMs }
			);
		case 'decision.expired':
			return entry(
				'decision',
				`${teamName(event.team)} missed the deadline on "${injectTitle(event.injectId)}"${event.teamAbsent ? ' (marked absent: not scored)' : ''}`,
				{
					teams: [event.team],
					objectives: Object.keys(event.maxPoints)
				}
			);
		case 'message.sent':
			return entry(
				'message',
				`${teamName(event.fromTeam)} → ${event.to.map(teamName).join(', ')} [${event.channel}]${event.refInjectId ? ` re "${injectTitle(event.refInjectId)}"` : ''}: ${event.text}`,
				{ teams: [event.fromTeam, ...event.to], channel: event.channel, objectives: event.refInjectId ? injectObjectives(event.refInjectId) : [] }
			);
		case 'message.answered':
			return entry(
				'message',
				`${event.by} ${event.injectId ? `answered ${teamName(event.team)}'s message with an inject` : `marked ${teamName(event.team)}'s message handled`}`,
				{
					teams: [event.team]
				}
			);
		case 'team.marked':
			return entry(
				'exercise',
				`${event.by} marked ${teamName(event.team)} ${{ playing: 'as playing', absent: 'absent', control: 'as played by exercise control' }[event.mode]}`,
				{ teams: [event.team] }
			);
		case 'coordination.credited':
			return entry(
				'coordination',
				`${teamName(event.team)} shared "${injectTitle(event.injectId)}" with ${teamName(event.target)} after ${minutes(event.latencyMs)} (${event.points}/${event.maxPoints} points)`,
				{ teams: [event.team, event.target], objectives: [event.objective], latencyMs: event.latencyMs }
			);
		case 'coordination.missed':
			return entry('coordination', `${teamName(event.team)} did not share "${injectTitle(event.injectId)}" with ${teamName(event.target)} in time`, {
				teams: [event.team, event.target],
				objectives: [event.objective]
			});
		case 'observation.recorded':
			return entry('evaluation', `Observation (${teamName(event.team)}, ${objectiveName(event.objective)}) by ${event.by}: ${event.text}`, {
				teams: event.team ? [event.team] : [],
				objectives: event.objective ? [event.objective] : []
			});
		case 'observation.edited':
			return entry('evaluation', `Observation edited (${teamName(event.team)}, ${objectiveName(event.objective)}) by ${event.by}: ${event.text}`, {
				teams: event.team ? [event.team] : [],
				objectives: event.objective ? [event.objective] : []
			});
		case 'observation.deleted':
			return entry('evaluation', `An observation on ${teamName(event.team)} was deleted by ${event.by}`, { teams: event.team ? [event.team] : [] });
		case 'aar.narrative_set': {
			const [kind, objective = null] = event.section.split(':');
			const section = kind === 'summary' ? 'executive summary' : `${kind === 'strengths' ? 'strengths' : 'areas for improvement'}, ${objectiveName(objective)}`;
			return entry('evaluation', `${event.by} ${event.text ? 'wrote' : 'cleared'} the AAR's ${section}`, { objectives: objective ? [objective] : [] });
		}
		case 'rating.set':
			return entry('evaluation', `${event.by} rated ${teamName(event.team)} on ${objectiveName(event.objective)}: ${event.rating} — ${event.explanation}`, {
				teams: [event.team],
				objectives: [event.objective]
			});
		case 'score.adjusted':
			return entry(
				'evaluation',
				`${event.by} adjusted ${teamName(event.team)}'s ${objectiveName(event.objective)} score by ${event.points > 0 ? '+' : ''}${event.points}: ${event.reason}`,
				{ teams: [event.team], objectives: [event.objective] }
			);
		case 'review.sharing_changed':
			return entry('evaluation', event.participantsMaySee ? 'Teams may now see their own review' : 'Team reviews hidden from participants');
		case 'improvement.updated':
			return entry(
				'evaluation',
				`Improvement plan item "${event.issue}" updated by ${event.by} (${event.responsibleAgency || 'no agency yet'}, due ${event.dueDate || '—'})`,
				{
					objectives: event.objective ? [event.objective] : []
				}
			);
		case 'asset.tasked': {
			const o = event.order;
			const what =
				o.type === 'goto'
					? `to proceed to ${where(o.point)}`
					: o.type === 'patrol'
						? `to patrol ${o.points.length} points`
						: o.type === 'intercept'
							? `to intercept ${entityName(o.target)}`
							: 'to hold position';
			return entry('map', `${event.by} ordered ${entityName(event.entityId)} ${what} at ${event.speedKnots} kn`, { teams: teamsOf(event.team) });
		}
		case 'intercept.assessed':
			return entry('map', `${entityName(event.entityId)} ${event.feasible ? 'can' : 'cannot'} intercept ${entityName(event.target)}: ${event.reason}`, {
				teams: teamsOf(event.team)
			});
		case 'intercept.achieved':
			return entry(
				'map',
				`${entityName(event.entityId)} ${event.shadowing ? 'is overhead and shadowing' : 'intercepted'} ${entityName(event.target)} at ${where(event.point)}, ${event.waters.kind === 'high-seas' ? 'outside any territorial sea' : `in ${event.waters.state} ${event.waters.kind === 'land' ? '(on land)' : 'territorial sea'}`}`,
				{ teams: teamsOf(event.team) }
			);
		case 'contact.detected':
			return entry('map', `${teamName(event.team)}'s ${entityName(event.entityId)} detected ${entityName(event.contact)} at ${event.rangeNm} nm`, {
				teams: [event.team]
			});
		case 'contact.lost':
			return entry('map', `${teamName(event.team)} lost ${entityName(event.contact)} at ${where(event.position)}: its sensors no longer hold it`, {
				teams: [event.team]
			});
		case 'contact.regained':
			return entry('map', `${teamName(event.team)}'s ${entityName(event.entityId)} holds ${entityName(event.contact)} again, at ${event.rangeNm} nm`, {
				teams: [event.team]
			});
		case 'area.crossed':
			return entry(
				'map',
				`${entityName(event.entityId)} ${event.on === 'enter' ? 'entered' : 'left'} ${scenario?.areas.find((a) => a.id === event.area)?.name ?? event.area}`
			);
		case 'boat.landed':
			return entry('map', `${entityName(event.entityId)} landed ${event.people} people at ${entityName(event.port)}`);
		case 'facility.changed':
			return entry('map', `${event.by} ${event.open ? 'set' : 'closed'} ${entityName(event.entityId)}${event.open ? ` open with ${event.staff} staff` : ''}`, {
				teams: teamsOf(event.team)
			});
		case 'simulation.alert':
			return entry('map', `Alert: ${event.detail}`, { teams: teamsOf(event.team) });
	}
}
