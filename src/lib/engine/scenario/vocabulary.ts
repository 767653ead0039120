/**
 * The scenario format's fixed words — languages, inject channels, entity kinds and categories, simulation alerts —
 * kept apart from the zod schema (`schema.ts`) that uses them, so the pages that only need the words (every
 * participant's /play) do not download the validator with them.
 */

/**
 * The languages a scenario may be written and translated in (the interface's five). A scenario says which one it
 * is written in (`language`); its reader-facing texts may carry translations into the others, on each object as
 * `translations: { fr: { name: … } }` (usually woven in from `scenarios/translations/<file>.<language>.yaml`, see
 * `translation-file.ts`). A reader sees their language where it exists and the scenario's own otherwise.
 */
export const SCENARIO_LANGUAGES = ['en', 'es', 'fr', 'nl', 'ht'] as const;
export type ScenarioLanguage = (typeof SCENARIO_LANGUAGES)[number];

export const CHANNELS = ['radio', 'phone', 'email', 'intel', 'media', 'map'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How each inject channel is named to people. */
export const CHANNEL_LABELS: Record<Channel, string> = {
	radio: 'Radio',
	phone: 'Phone',
	email: 'Email',
	intel: 'Intel report',
	media: 'Media',
	map: 'Map update'
};

export const ENTITY_KINDS = ['vessel', 'aircraft', 'storm', 'boat', 'port', 'shelter'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
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
