/**
 * The scenario file format: one zod schema is the single source of truth for
 * TypeScript types, runtime validation and the generated JSON Schema
 * (`scenarios/scenario.schema.json`). Cross-references (teams, objectives,
 * entities, …) are checked in `cross-references.ts`, run as the schema's
 * `superRefine`, so each problem names its path. The format's fixed words are in `vocabulary.ts`, and the
 * questions about an entity's kind in `kinds.ts`: pages that need only those do not load zod.
 */
import { z } from 'zod';
import { checkCrossReferences } from './cross-references';
import { CHANNELS, ENTITY_CATEGORIES, ENTITY_KINDS, SCENARIO_LANGUAGES, SIM_ALERTS, type EntityKind } from './vocabulary';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (max 64)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** The reader-facing texts of each kind of object, as long as the original allows: what a translation may give. */
export const TRANSLATABLE = {
	scenario: {
		title: text(160),
		summary: text(2000),
		overview: z
			.strictObject({ scope: text(1000), missionAreas: z.array(text(80)), threatOrHazard: text(300), sponsor: text(200), pointOfContact: text(200) })
			.partial()
	},
	team: { name: text(80), agency: text(120) },
	objective: { name: text(120), capability: text(120), description: text(1000) },
	entity: { name: text(80), description: text(500) },
	area: { name: text(80) },
	inject: { from: text(120), title: text(160), body: text(5000), expectedAction: text(1000), controllerNote: text(1000) },
	decision: { prompt: text(1000) },
	option: { label: text(300), feedback: text(1000), violation: text(300).describe("the option's violation rule") }
} as const;

/** An object's texts in other languages: for each language, any of `fields` (each as long as the original allows). */
function translationsOf<F extends z.ZodRawShape>(fields: F) {
	return z.partialRecord(z.enum(SCENARIO_LANGUAGES), z.strictObject(fields).partial()).optional().describe('these texts in other languages, by language code');
}

/** [longitude, latitude] in decimal degrees (GeoJSON order). */
export const lonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const teamSchema = z.strictObject({
	id,
	name: text(80),
	agency: text(120),
	state: text(80).describe('Member state the agency belongs to'),
	color: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4')
		.optional(),
	translations: translationsOf(TRANSLATABLE.team)
});

export const objectiveSchema = z.strictObject({
	id,
	name: text(120),
	capability: text(120).describe('HSEEP core capability the objective evaluates'),
	description: text(1000).optional(),
	translations: translationsOf(TRANSLATABLE.objective)
});

export const trackPointSchema = z.strictObject({
	at: z
		.number()
		.min(0)
		.max(24 * 60)
		.describe('exercise minutes'),
	position: lonLatSchema
});

const entityFields = {
	id,
	name: text(80),
	category: z.enum(ENTITY_CATEGORIES),
	team: id.optional().describe('owning team (its asset)'),
	visibility: z.enum(['all', 'revealed']).default('all').describe('"revealed": hidden from teams until an inject reveals it'),
	capacity: z.number().int().min(0).max(1_000_000).optional().describe('people a port can hold waiting for screening, or a shelter can house'),
	description: text(500).optional(),
	translations: translationsOf(TRANSLATABLE.entity),
	track: z.array(trackPointSchema).min(1, 'needs at least one point'),
	// A port or shelter (the model reads them on ports and shelters only):
	state: text(80).optional().describe('member state a port or shelter is in (screened people go to shelters in the same state)'),
	open: z.boolean().default(true).describe('whether a port or shelter is open at the start'),
	staff: z.number().int().min(0).max(10_000).default(0).describe('screening officers at a port / staff at a shelter at the start'),
	maxStaff: z.number().int().min(0).max(10_000).optional().describe('most staff its team can put there')
};

const speedKnots = z.number().positive().max(600).optional().describe('top speed when tasked, knots');

/** An asset its team can task on the map. */
const assetFields = {
	speedKnots,
	enduranceHours: z
		.number()
		.positive()
		.max(24 * 30)
		.optional()
		.describe('time it can stay under way on tasking before it must stop'),
	sensorRangeNm: z.number().positive().max(500).optional().describe('radar/visual range: contacts closer than this are detected')
};

/** A boat of displaced people. */
const boatFields = {
	speedKnots,
	people: z
		.strictObject({
			total: z.number().int().positive().max(100_000),
			minors: z.number().int().min(0).max(100_000).default(0),
			unaccompaniedMinors: z.number().int().min(0).max(100_000).default(0)
		})
		.optional()
		.describe('people aboard a boat of displaced people'),
	destination: id.optional().describe('port where a boat lands its people when its track ends'),
	distressAt: z
		.number()
		.min(0)
		.max(24 * 60)
		.optional()
		.describe('exercise minute a boat calls for help and stops until rescued (intercepted)')
};

const stormFields = {
	windRadiiNm: z
		.strictObject({
			hurricane: z.number().min(0).max(300).describe('radius of hurricane-force winds (64 kn+)'),
			tropicalStorm: z.number().min(0).max(600).describe('radius of tropical-storm-force winds (34 kn+)')
		})
		.optional(),
	stormCategory: z.number().int().min(1).max(5).optional()
};

const FIELDS_OF_KIND: Record<EntityKind, Record<string, unknown>> = {
	vessel: assetFields,
	aircraft: assetFields,
	boat: boatFields,
	storm: stormFields,
	port: {},
	shelter: {}
};

/**
 * Why a key is not allowed on an entity of `kind`: a field of other kinds is
 * named with the kinds that take it ("speedKnots" on a port), anything else
 * is an unknown key.
 */
function wrongKeysMessage(keys: readonly string[], kind: EntityKind): string {
	return keys
		.map((key) => {
			const kinds = ENTITY_KINDS.filter((k) => key in FIELDS_OF_KIND[k]);
			return kinds.length > 0 ? `"${key}" is only for ${kinds.join(' or ')} entities, not a ${kind}` : `Unrecognized key: "${key}"`;
		})
		.join('; ');
}

/** One kind of entity: the fields every entity has, plus those of its kind; a field of another kind is an error naming it. */
function entityKindSchema<K extends EntityKind, F extends z.ZodRawShape>(kind: K, fields: F) {
	return z.strictObject(
		{ ...entityFields, kind: z.literal(kind), ...fields },
		{ error: (issue) => (issue.code === 'unrecognized_keys' ? wrongKeysMessage(issue.keys, kind) : undefined) }
	);
}

/** A map entity; its `kind` decides which fields it may have (so reading a boat's `people` needs `kind === 'boat'` first). */
export const entitySchema = z.discriminatedUnion('kind', [
	entityKindSchema('vessel', assetFields),
	entityKindSchema('aircraft', assetFields),
	entityKindSchema('boat', boatFields),
	entityKindSchema('storm', stormFields),
	entityKindSchema('port', {}),
	entityKindSchema('shelter', {})
]);

/** A named area of sea used by triggers: a polygon or a circle. */
export const areaSchema = z.strictObject({
	id,
	name: text(80),
	translations: translationsOf(TRANSLATABLE.area),
	polygon: z.array(lonLatSchema).min(3, 'needs at least three corners').max(200).optional(),
	circle: z.strictObject({ center: lonLatSchema, radiusNm: z.number().positive().max(1000) }).optional()
});

export const optionSchema = z.strictObject({
	id,
	label: text(300),
	scores: z.record(z.string(), z.number().min(-10).max(10)).describe('points per objective id, -10..10 (negative = harmful choice)'),
	feedback: text(1000).optional(),
	violation: z
		.strictObject({
			rule: text(300).describe('the legal, human-rights or protection rule this choice breaks'),
			objective: id,
			penalty: z.number().positive().max(20).describe('points taken off that objective')
		})
		.optional()
		.describe('marks a choice that breaks a rule: penalised and flagged in the review'),
	translations: translationsOf(TRANSLATABLE.option)
});

const delayMinutes = z
	.number()
	.min(0)
	.max(24 * 60)
	.default(0)
	.describe('minutes after the trigger fires');

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
				waters: z
					.enum(['own', 'foreign', 'high-seas'])
					.optional()
					.describe("where: the intercepting team's own territorial sea, another state's, or outside any")
			})
			.describe("a team's asset intercepts the target"),
		delayMinutes
	}),
	z.strictObject({
		detected: z.strictObject({ contact: id, team: id.optional() }).describe("a team's sensor first detects the contact"),
		delayMinutes
	}),
	z.strictObject({
		alert: z.strictObject({ type: z.enum(SIM_ALERTS), entity: id.optional() }).describe('the simulation raises an alert (on this entity, or any)'),
		delayMinutes
	})
]);

/** An expectation that a team receiving the inject passes it on to another team in time. */
export const shareWithSchema = z.strictObject({
	team: id.describe('team that needs the information'),
	withinMinutes: z
		.number()
		.positive()
		.max(24 * 60),
	objective: id,
	points: z.number().positive().max(10)
});

export const decisionSchema = z.strictObject({
	prompt: text(1000),
	teams: z.array(id).min(1).optional().describe('teams that must decide (default: the inject\'s "to")'),
	expectedWithinMinutes: z
		.number()
		.positive()
		.max(24 * 60),
	deadlineMinutes: z
		.number()
		.positive()
		.max(24 * 60),
	options: z.array(optionSchema).min(2, 'needs at least two options').max(8),
	translations: translationsOf(TRANSLATABLE.decision)
});

export const injectSchema = z.strictObject({
	id,
	number: z.number().int().positive().optional(),
	at: z
		.number()
		.min(0)
		.max(24 * 60)
		.optional()
		.describe('release time, exercise minutes (omit for an inject released by its trigger)'),
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
	decision: decisionSchema.optional(),
	translations: translationsOf(TRANSLATABLE.inject)
});

export const scenarioSchema = z
	.strictObject({
		id,
		title: text(160),
		summary: text(2000),
		language: z.enum(SCENARIO_LANGUAGES).default('en').describe('the language the scenario is written in'),
		translations: translationsOf(TRANSLATABLE.scenario),
		kind: z.enum(['maritime-trafficking', 'displacement']),
		durationMinutes: z
			.number()
			.int()
			.min(5)
			.max(24 * 60),
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
	.superRefine(checkCrossReferences);

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Entity = z.infer<typeof entitySchema>;
/** A vessel or aircraft: what a team may task when it owns it. */
export type Asset = Extract<Entity, { kind: 'vessel' | 'aircraft' }>;
/** A boat of displaced people. */
export type Boat = Extract<Entity, { kind: 'boat' }>;
export type Inject = z.infer<typeof injectSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;
export type ShareWith = z.infer<typeof shareWithSchema>;

export type LonLat = z.infer<typeof lonLatSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Trigger = z.infer<typeof triggerSchema>;

/** The JSON Schema for scenario files (for editors and other tools), generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
		title: 'Crosscurrent scenario',
		description: 'Generated from src/lib/engine/scenario/schema.ts by `npm run scenario:schema`; do not edit by hand.'
	};
}
