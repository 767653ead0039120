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
	capacity: z.number().int().min(0).max(1_000_000).optional(),
	description: text(500).optional(),
	track: z.array(trackPointSchema).min(1, 'needs at least one point')
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
		message: z.strictObject({ from: id, to: id.optional() }).describe('a message from one team (to another)'),
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
		unique(s.objectives, 'objectives');
		unique(s.entities, 'entities');
		unique(s.injects, 'injects');
		const known = (set: Set<string>, what: string, value: string, path: (string | number)[]) => {
			if (!set.has(value)) issue(path, `unknown ${what} "${value}"`);
		};

		s.entities.forEach((e, i) => {
			if (e.team) known(teamIds, 'team', e.team, ['entities', i, 'team']);
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
				if ('message' in t) {
					known(teamIds, 'team', t.message.from, [...path, 'message', 'from']);
					if (t.message.to) known(teamIds, 'team', t.message.to, [...path, 'message', 'to']);
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

/** Teams that must answer an inject's decision. */
export function decidingTeams(inject: Inject): string[] {
	return inject.decision ? (inject.decision.teams ?? inject.to) : [];
}

/** The JSON Schema for scenario files (for editors and other tools), generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
		title: 'Crosscurrent scenario',
		description: 'Generated from src/lib/engine/scenario-schema.ts by `npm run scenario:schema`; do not edit by hand.'
	};
}
