/**
 * Why the engine refused a command: a code the browser words in the reader's language (the `errors` message
 * catalogue), the parameters that sentence needs, and an English sentence for logs, tests and API clients.
 * Parameters are numbers and times, never names: the person who sent the command knows which asset, inject or
 * team it was about, and a name here would be in the scenario's language rather than the reader's.
 */
export const REFUSAL_CODES = [
	'wrong-phase',
	'speed-range',
	'unknown-inject',
	'inject-released',
	'inject-skipped',
	'inject-waiting',
	'inject-held',
	'inject-not-held',
	'not-played-by-control',
	'no-decision',
	'already-decided',
	'deadline-passed',
	'unknown-option',
	'unknown-team',
	'message-to-self',
	'inject-not-received',
	'no-message',
	'message-answered',
	'inject-exists',
	'unknown-objective',
	'ad-hoc-limits',
	'no-observation',
	'no-event',
	'unknown-section',
	'no-facility',
	'facility-other-team',
	'nothing-to-change',
	'facility-max-staff',
	'unknown-entity',
	'not-taskable',
	'asset-other-team',
	'too-fast',
	'no-endurance',
	'no-contact',
	'contact-lost',
	'self-intercept',
	'already-removed'
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type RefusalParams = Record<string, string | number>;

export interface Refusal {
	code: RefusalCode;
	params: RefusalParams;
	/** English, for logs and developers; never shown to a person (the browser words `code`). */
	message: string;
}

export const refusal = (code: RefusalCode, message: string, params: RefusalParams = {}): Refusal => ({ code, params, message });
