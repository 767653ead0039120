/**
 * The scenario file format: one zod schema is the single source of truth for
 * TypeScript types, runtime validation and the generated JSON Schema
 * (`scenarios/scenario.schema.json`). Cross-references (teams, objectives,
 * entities) are checked in `superRefine` so each problem names its path.
 */
import { z } from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (max 64)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** [longitude, latitude] in decimal degrees (GeoJSON order). */
export const lonLatSchema = z.tuple([
	z.number().min(-180).max(180),
	z.number().min(-90).max(90)
]);

export const CHANNELS = ['radio', 'phone', 'email', 'intel', 'media', 'map'] as const;
export const ENTITY_KINDS = ['vessel', 'aircraft', 'storm', 'boat', 'port', 'shelter'] as const;
export const ENTITY_CATEGORIES = [
	'law-enforcement',
	'military',
	'suspect',
	'cargo',
	'fishing',
	'passenger',
	'high-speed',
	'displaced',
	'facility',
	'weather',
	'unknown'
] as const;

/** The recipient id of messages to exercise control, who plays every outside actor (RIFC, JRCC, ministries, media…). */
export const EXERCISE_CONTROL = 'exercise-control';

/** Alerts the live simulation raises. */
export const SIM_ALERTS = ['capacity-exceeded', 'minors-found', 'distress', 'out-of-endurance'] as const;
export type SimAlert = (typeof SIM_ALERTS)[number];

export const teamSchema = z.strictObject({
	id,
	name: text(80),
	agency: text(120),
	state: text(80).describe('Member state the agency belongs to'),
	color: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4')
		.optional()
});

export const objectiveSchema = z.strictObject({
	id,
	name: text(120),
	capability: text(120).describe('HSEEP core capability the objective evaluates'),
	description: text(1000).optional()
});

export const trackPointSchema = z.strictObject({
	at: z.number().min(0).max(24 * 60).describe('exercise minutes'),
	position: lonLatSchema
});

export const entitySchema = z.strictObject({
	id,
	name: text(80),
	kind: z.enum(ENTITY_KINDS),
	category: z.enum(ENTITY_CATEGORIES),
	team: id.optional().describe('owning team (its asset)'),
	visibility: z
		.enum(['all', 'revealed'])
		.default('all')
		.describe('"revealed": hidden from teams until an inject reveals it'),
	capacity: z.number().int().min(0).max(1_000_000).optional().describe('people a port can hold waiting for screening, or a shelter can house'),
	description: text(500).optional(),
	track: z.array(trackPointSchema).min(1, 'needs at least one point'),
	// An asset its team can task on the map (vessel, aircraft):
	speedKnots: z.number().positive().max(600).optional().describe('top speed when tasked, knots'),
	enduranceHours: z.number().positive().max(24 * 30).optional().describe('time it can stay under way on tasking before it must stop'),
	sensorRangeNm: z.number().positive().max(500).optional().describe('radar/visual range: contacts closer than this are detected'),
	// A boat of displaced people:
	people: z
		.strictObject({
			total: z.number().int().positive().max(100_000),
			minors: z.number().int().min(0).max(100_000).default(0),
			unaccompaniedMinors: z.number().int().min(0).max(100_000).default(0)
		})
		.optional()
		.describe('people aboard a boat of displaced people'),
	destination: id.optional().describe('port where a boat lands its people when its track ends'),
	distressAt: z.number().min(0).max(24 * 60).optional().describe('exercise minute a boat calls for help and stops until rescued (intercepted)'),
	// A port or shelter:
	state: text(80).optional().describe('member state a port or shelter is in (screened people go to shelters in the same state)'),
	open: z.boolean().default(true).describe('whether a port or shelter is open at the start'),
	staff: z.number().int().min(0).max(10_000).default(0).describe('screening officers at a port / staff at a shelter at the start'),
	maxStaff: z.number().int().min(0).max(10_000).optional().describe('most staff its team can put there'),
	// A storm:
	windRadiiNm: z
		.strictObject({
			hurricane: z.number().min(0).max(300).describe('radius of hurricane-force winds (64 kn+)'),
			tropicalStorm: z.number().min(0).max(600).describe('radius of tropical-storm-force winds (34 kn+)')
		})
		.optional(),
	stormCategory: z.number().int().min(1).max(5).optional()
});

/** A named area of sea used by triggers: a polygon or a circle. */
export const areaSchema = z.strictObject({
	id,
	name: text(80),
	polygon: z.array(lonLatSchema).min(3, 'needs at least three corners').max(200).optional(),
	circle: z.strictObject({ center: lonLatSchema, radiusNm: z.number().positive().max(1000) }).optional()
});

export const optionSchema = z.strictObject({
	id,
	label: text(300),
	scores: z
		.record(z.string(), z.number().min(-10).max(10))
		.describe('points per objective id, -10..10 (negative = harmful choice)'),
	feedback: text(1000).optional(),
	violation: z
		.strictObject({
			rule: text(300).describe('the legal, human-rights or protection rule this choice breaks'),
			objective: id,
			penalty: z.number().positive().max(20).describe('points taken off that objective')
		})
		.optional()
		.describe('marks a choice that breaks a rule: penalised and flagged in the review')
});

const delayMinutes = z.number().min(0).max(24 * 60).default(0).describe('minutes after the trigger fires');

/**
 * What releases a conditional inject: a team's choice on a decision, a decision
 * or hand-off that did not happen in time (a contingency inject), or a message
 * between teams. Branches are written as injects triggered by different options.
 */
export const triggerSchema = z.union([
	z.strictObject({
		decision: id.describe('inject whose decision is watched'),
		option: id.optional().describe('fires only for this option (any option when absent)'),
		team: id.optional().describe('fires only for this team (any deciding team when absent)'),
		delayMinutes
	}),
	z.strictObject({
		missed: id.describe('inject whose decision deadline passed, or whose expected hand-off did not happen'),
		team: id.optional(),
		delayMinutes
	}),
	z.strictObject({
		message: z.strictObject({ from: id, to: id.optional() }).describe('a message from one team (to another, or to "exercise-control")'),
		delayMinutes
	}),
	z.strictObject({
		area: z.strictObject({ entity: id, area: id, on: z.enum(['enter', 'leave']) }).describe('an entity enters or leaves an area'),
		delayMinutes
	}),
	z.strictObject({
		intercept: z
			.strictObject({
				target: id,
				team: id.optional().describe('only an intercept by this team'),
				waters: z.enum(['own', 'foreign', 'high-seas']).optional().describe("where: the intercepting team's own territorial sea, another state's, or outside any")
			})
			.describe('a team\'s asset intercepts the target'),
		delayMinutes
	}),
	z.strictObject({
		detected: z.strictObject({ contact: id, team: id.optional() }).describe("a team's sensor first detects the contact"),
		delayMinutes
	}),
	z.strictObject({
		alert: z
			.strictObject({ type: z.enum(SIM_ALERTS), entity: id.optional() })
			.describe('the simulation raises an alert (on this entity, or any)'),
		delayMinutes
	})
]);

/** An expectation that a team receiving the inject passes it on to another team in time. */
export const shareWithSchema = z.strictObject({
	team: id.describe('team that needs the information'),
	withinMinutes: z.number().positive().max(24 * 60),
	objective: id,
	points: z.number().positive().max(10)
});

export const decisionSchema = z.strictObject({
	prompt: text(1000),
	teams: z.array(id).min(1).optional().describe('teams that must decide (default: the inject\'s "to")'),
	expectedWithinMinutes: z.number().positive().max(24 * 60),
	deadlineMinutes: z.number().positive().max(24 * 60),
	options: z.array(optionSchema).min(2, 'needs at least two options').max(8)
});

export const injectSchema = z.strictObject({
	id,
	number: z.number().int().positive().optional(),
	at: z.number().min(0).max(24 * 60).optional().describe('release time, exercise minutes (omit for an inject released by its trigger)'),
	trigger: triggerSchema.optional().describe('releases the inject when something happens in play, instead of at a time'),
	from: text(120),
	to: z.array(id).min(1, 'needs at least one team'),
	channel: z.enum(CHANNELS),
	title: text(160),
	body: text(5000),
	expectedAction: text(1000).optional(),
	objectives: z.array(id).default([]),
	controllerNote: text(1000).optional(),
	reveals: z.array(id).default([]).describe('entity ids this inject makes visible to its addressees'),
	shareWith: z
		.array(shareWithSchema)
		.default([])
		.describe('teams the addressees are expected to inform (by a message about this inject), scored on coordination'),
	decision: decisionSchema.optional()
});

export const scenarioSchema = z
	.strictObject({
		id,
		title: text(160),
		summary: text(2000),
		kind: z.enum(['maritime-trafficking', 'displacement']),
		durationMinutes: z.number().int().min(5).max(24 * 60),
		overview: z
			.strictObject({
				scope: text(1000).optional(),
				missionAreas: z.array(text(80)).default([]),
				threatOrHazard: text(300).optional(),
				sponsor: text(200).optional(),
				pointOfContact: text(200).optional()
			})
			.optional()
			.describe('exercise overview for the after-action report (HSEEP AAR/IP)'),
		map: z.strictObject({
			center: lonLatSchema,
			zoom: z.number().min(1).max(16),
			bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional()
		}),
		teams: z.array(teamSchema).min(1).max(40),
		objectives: z.array(objectiveSchema).min(1).max(40),
		entities: z.array(entitySchema).max(2000).default([]),
		areas: z.array(areaSchema).max(200).default([]),
		displacement: z
			.strictObject({
				screeningPerStaffHour: z.number().positive().max(1000).describe('people one officer screens in an hour')
			})
			.optional()
			.describe('settings of the displacement model (boats, ports, shelters)'),
		injects: z.array(injectSchema).min(1).max(2000)
	})
	.superRefine((s, ctx) => {
		const teamIds = new Set(s.teams.map((t) => t.id));
		const objectiveIds = new Set(s.objectives.map((o) => o.id));
		const entityIds = new Set(s.entities.map((e) => e.id));
		const issue = (path: (string | number)[], message: string) =>
			ctx.addIssue({ code: 'custom', path, message });
		const unique = (list: { id: string }[], key: string) => {
			const seen = new Set<string>();
			list.forEach((item, i) => {
				if (seen.has(item.id)) issue([key, i, 'id'], `duplicate id "${item.id}"`);
				seen.add(item.id);
			});
		};
		unique(s.teams, 'teams');
		s.teams.forEach((t, i) => {
			if (t.id === EXERCISE_CONTROL) issue(['teams', i, 'id'], `"${EXERCISE_CONTROL}" is reserved for messages to exercise control`);
		});
		unique(s.objectives, 'objectives');
		unique(s.entities, 'entities');
		unique(s.injects, 'injects');
		unique(s.areas, 'areas');
		const areaIds = new Set(s.areas.map((a) => a.id));
		s.areas.forEach((a, i) => {
			if ((a.polygon === undefined) === (a.circle === undefined)) issue(['areas', i], 'needs exactly one of "polygon" or "circle"');
		});
		const known = (set: Set<string>, what: string, value: string, path: (string | number)[]) => {
			if (!set.has(value)) issue(path, `unknown ${what} "${value}"`);
		};

		const entityById = new Map(s.entities.map((e) => [e.id, e]));
		s.entities.forEach((e, i) => {
			if (e.team) known(teamIds, 'team', e.team, ['entities', i, 'team']);
			const misplaced = (field: string, kinds: readonly string[]) => {
				if ((e as Record<string, unknown>)[field] !== undefined && !kinds.includes(e.kind))
					issue(['entities', i, field], `only for ${kinds.join(' or ')} entities, not a ${e.kind}`);
			};
			misplaced('speedKnots', ['vessel', 'aircraft', 'boat']);
			misplaced('enduranceHours', ['vessel', 'aircraft']);
			misplaced('sensorRangeNm', ['vessel', 'aircraft']);
			misplaced('people', ['boat']);
			misplaced('destination', ['boat']);
			misplaced('distressAt', ['boat']);
			misplaced('windRadiiNm', ['storm']);
			misplaced('stormCategory', ['storm']);
			if (e.speedKnots !== undefined && !e.team && e.kind !== 'boat') issue(['entities', i, 'speedKnots'], 'only a team\'s asset can be tasked: set "team"');
			if (e.people && e.people.minors > e.people.total) issue(['entities', i, 'people', 'minors'], 'more minors than people aboard');
			if (e.people && e.people.unaccompaniedMinors > e.people.minors) issue(['entities', i, 'people', 'unaccompaniedMinors'], 'more unaccompanied minors than minors');
			if (e.people && !s.displacement) issue(['entities', i, 'people'], 'boats with people need a "displacement" block in the scenario');
			if (e.distressAt !== undefined && e.distressAt > s.durationMinutes) issue(['entities', i, 'distressAt'], `after the scenario ends (${s.durationMinutes} min)`);
			if (e.kind === 'boat' && e.people && !e.destination) issue(['entities', i, 'destination'], 'a boat with people needs a destination port');
			if (e.destination) {
				const port = entityById.get(e.destination);
				if (!port) issue(['entities', i, 'destination'], `unknown entity "${e.destination}"`);
				else if (port.kind !== 'port') issue(['entities', i, 'destination'], `"${e.destination}" is a ${port.kind}, not a port`);
			}
			if ((e.kind === 'port' || e.kind === 'shelter') && s.displacement) {
				if (e.capacity === undefined) issue(['entities', i, 'capacity'], `a ${e.kind} needs a capacity in a displacement scenario`);
				if (!e.state) issue(['entities', i, 'state'], `a ${e.kind} needs the member state it is in`);
			}
			if (e.maxStaff !== undefined && e.staff > e.maxStaff) issue(['entities', i, 'staff'], `more than maxStaff (${e.maxStaff})`);
			e.track.forEach((p, j) => {
				if (j > 0 && p.at <= e.track[j - 1].at)
					issue(['entities', i, 'track', j, 'at'], 'track times must increase');
				if (p.at > s.durationMinutes)
					issue(['entities', i, 'track', j, 'at'], `after the scenario ends (${s.durationMinutes} min)`);
			});
		});
		s.injects.forEach((inj, i) => {
			if (inj.at !== undefined && inj.at > s.durationMinutes)
				issue(['injects', i, 'at'], `after the scenario ends (${s.durationMinutes} min)`);
			if ((inj.at === undefined) === (inj.trigger === undefined))
				issue(['injects', i], 'needs exactly one of "at" (a release time) or "trigger"');
			const t = inj.trigger;
			if (t) {
				const path = ['injects', i, 'trigger'];
				const watched = 'decision' in t ? t.decision : 'missed' in t ? t.missed : null;
				if (watched !== null) {
					const target = s.injects.find((x) => x.id === watched);
					if (!target) issue([...path, 'decision' in t ? 'decision' : 'missed'], `trigger on a missing inject "${watched}"`);
					else if ('decision' in t && !target.decision) issue([...path, 'decision'], `inject "${watched}" has no decision to watch`);
					else if ('missed' in t && !target.decision && target.shareWith.length === 0)
						issue([...path, 'missed'], `inject "${watched}" has no decision or hand-off that could be missed`);
					else if ('decision' in t && t.option && !target.decision!.options.some((o) => o.id === t.option))
						issue([...path, 'option'], `inject "${watched}" has no option "${t.option}"`);
					if (watched === inj.id) issue(path, 'an inject cannot trigger itself');
				}
				if ('team' in t && t.team) known(teamIds, 'team', t.team, [...path, 'team']);
				const entity = (value: string, p: string[]) => known(entityIds, 'entity', value, [...path, ...p]);
				if ('area' in t) {
					entity(t.area.entity, ['area', 'entity']);
					known(areaIds, 'area', t.area.area, [...path, 'area', 'area']);
				}
				if ('intercept' in t) {
					entity(t.intercept.target, ['intercept', 'target']);
					if (t.intercept.team) known(teamIds, 'team', t.intercept.team, [...path, 'intercept', 'team']);
				}
				if ('detected' in t) {
					entity(t.detected.contact, ['detected', 'contact']);
					if (t.detected.team) known(teamIds, 'team', t.detected.team, [...path, 'detected', 'team']);
				}
				if ('alert' in t && t.alert.entity) entity(t.alert.entity, ['alert', 'entity']);
				if ('message' in t) {
					known(teamIds, 'team', t.message.from, [...path, 'message', 'from']);
					if (t.message.to && t.message.to !== EXERCISE_CONTROL) known(teamIds, 'team', t.message.to, [...path, 'message', 'to']);
				}
			}
			inj.to.forEach((t, j) => known(teamIds, 'team', t, ['injects', i, 'to', j]));
			inj.objectives.forEach((o, j) => known(objectiveIds, 'objective', o, ['injects', i, 'objectives', j]));
			inj.reveals.forEach((e, j) => known(entityIds, 'entity', e, ['injects', i, 'reveals', j]));
			inj.shareWith.forEach((s, j) => {
				known(teamIds, 'team', s.team, ['injects', i, 'shareWith', j, 'team']);
				known(objectiveIds, 'objective', s.objective, ['injects', i, 'shareWith', j, 'objective']);
				if (inj.to.includes(s.team))
					issue(['injects', i, 'shareWith', j, 'team'], `team "${s.team}" already receives this inject`);
			});
			const d = inj.decision;
			if (!d) return;
			if (d.deadlineMinutes < d.expectedWithinMinutes)
				issue(['injects', i, 'decision', 'deadlineMinutes'], 'must not be before expectedWithinMinutes');
			d.teams?.forEach((t, j) => {
				known(teamIds, 'team', t, ['injects', i, 'decision', 'teams', j]);
				if (!inj.to.includes(t))
					issue(['injects', i, 'decision', 'teams', j], `team "${t}" must also be in the inject's "to"`);
			});
			const optionIds = new Set<string>();
			d.options.forEach((o, j) => {
				if (optionIds.has(o.id)) issue(['injects', i, 'decision', 'options', j, 'id'], `duplicate option id "${o.id}"`);
				optionIds.add(o.id);
				for (const key of Object.keys(o.scores))
					known(objectiveIds, 'objective', key, ['injects', i, 'decision', 'options', j, 'scores', key]);
				if (o.violation) known(objectiveIds, 'objective', o.violation.objective, ['injects', i, 'decision', 'options', j, 'violation', 'objective']);
			});
			if (!d.options.some((o) => Object.values(o.scores).some((v) => v > 0)))
				issue(['injects', i, 'decision', 'options'], 'no option earns any points');
		});
		// Every inject must be reachable: timed, or triggered (through a chain) by something timed.
		const byId = new Map(s.injects.map((inj) => [inj.id, inj]));
		const reachable = new Set<string>();
		for (let changed = true; changed; ) {
			changed = false;
			for (const inj of s.injects) {
				if (reachable.has(inj.id)) continue;
				const t = inj.trigger;
				const watched = !t ? null : 'decision' in t ? t.decision : 'missed' in t ? t.missed : undefined;
				if (inj.at !== undefined || watched === undefined || (watched !== null && reachable.has(watched) && byId.has(watched))) {
					reachable.add(inj.id);
					changed = true;
				}
			}
		}
		s.injects.forEach((inj, i) => {
			if (!reachable.has(inj.id) && inj.trigger) issue(['injects', i, 'trigger'], 'unreachable: its trigger chain never starts from a timed inject');
		});
	});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Inject = z.infer<typeof injectSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;
export type Channel = (typeof CHANNELS)[number];
export type ShareWith = z.infer<typeof shareWithSchema>;

/** How each inject channel is named to people. */
export const CHANNEL_LABELS: Record<Channel, string> = {
	radio: 'Radio',
	phone: 'Phone',
	email: 'Email',
	intel: 'Intel report',
	media: 'Media',
	map: 'Map update'
};
export type LonLat = z.infer<typeof lonLatSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Trigger = z.infer<typeof triggerSchema>;

/** Whether the team can task this entity on the map. */
export function isTaskable(entity: Entity): boolean {
	return entity.team !== undefined && entity.speedKnots !== undefined && (entity.kind === 'vessel' || entity.kind === 'aircraft');
}

/** Teams that must answer an inject's decision. */
export function decidingTeams(inject: Inject): string[] {
	return inject.decision ? (inject.decision.teams ?? inject.to) : [];
}

/** The JSON Schema for scenario files (for editors and other tools), generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
		title: 'Crosscurrent scenario',
		description: 'Generated from src/lib/engine/scenario/schema.ts by `npm run scenario:schema`; do not edit by hand.'
	};
}
