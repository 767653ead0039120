/**
 * Every refusal the server sends carries a code and parameters next to its English message: the browser words the
 * code in the reader's language (`src/lib/client/plain-error.ts`, catalogue `messages/errors/`), logs and API
 * clients read the message. Codes are the engine's refusals (a command the exercise cannot take) and the server's
 * own (who may do what, sign-in, limits, the store).
 */
import { REFUSAL_CODES, type RefusalParams } from '../engine/exercise/refusal';

export const SERVER_ERROR_CODES = [
	'not-signed-in',
	'session-gone',
	'session-revoked',
	'member-gone',
	'controller-only',
	'team-only',
	'reviewer-only',
	'observer-export',
	'review-closed',
	'unknown-exercise',
	'other-exercise',
	'unknown-scenario',
	'wrong-code',
	'wrong-key',
	'locked-browser',
	'locked-network',
	'rate-limited',
	'invalid-payload',
	'bad-call',
	'unknown-event',
	'owner-unreachable',
	'shutting-down',
	'not-saved',
	'storage-full',
	'storage-locked',
	'storage-unavailable',
	'storage-failed',
	'scenario-read-only',
	'scenario-id-fixed',
	'scenario-not-ready',
	'scenario-archived',
	'stale-version',
	'unknown-version',
	'scenario-too-large',
	'scenario-unreadable',
	'body-too-large',
	'exercise-in-play',
	'review-not-closed',
	'internal'
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export const ERROR_CODES = [...REFUSAL_CODES, ...SERVER_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorParams = RefusalParams;

/** A refused request as it travels: the English `error` for logs and developers, the `code` and `params` for people. */
export interface ErrorReply {
	ok: false;
	error: string;
	code: ErrorCode;
	params?: ErrorParams;
}

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
