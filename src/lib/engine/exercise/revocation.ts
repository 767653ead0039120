/**
 * Who has lost access to an exercise. A controller may remove one member (one browser session, named by its random
 * session id `sid`) or give a role or team a new join code and sign out everyone who joined with the old one (named
 * by the code's keyed fingerprint, its tag, which the session carries). Both are domain events, folded here into the
 * exercise state, so every server process of a cluster knows them from its read copy of the log and refuses those
 * sessions everywhere. Pure: no clock, no I/O.
 */

/** The roles that join with a code (controllers sign in with the controller key and cannot be removed). */
export type CodeRole = 'participant' | 'evaluator' | 'observer';

/** One join code's place in an exercise: a team's code, the evaluators' or the observers'. */
export const codeKey = (role: CodeRole, team: string | null): string => (role === 'participant' ? `team:${team ?? ''}` : role);

/** A member a controller removed. */
export interface RemovedMember {
	sid: string;
	name: string;
	role: CodeRole;
	team: string | null;
	by: string;
	/** Exercise ms. */
	at: number;
}

export interface AccessState {
	/** Removed members by session id. */
	removed: Record<string, RemovedMember>;
	/** Tags of retired join codes whose holders were signed out. */
	signedOutTags: string[];
	/** How many times each code (by `codeKey`) has been replaced. */
	rotations: Record<string, number>;
	/**
	 * Codes (by `codeKey`) whose first rotation signed out their holders: sessions from before sessions carried a code
	 * tag joined with an exercise's first code, so they lose access with it.
	 */
	originalSignedOut: string[];
}

export const openAccess: AccessState = { removed: {}, signedOutTags: [], rotations: {}, originalSignedOut: [] };

/** What a session says about itself, as far as access goes (the server's `Session` fits it). */
export interface SessionAccess {
	role: string;
	exerciseId?: string;
	team?: string;
	sid?: string;
	codeTag?: string;
}

/** Why a session has lost access: its member was removed, or the code it joined with was retired with a sign-out. */
export type RevocationReason = 'removed' | 'signed-out';

const isCodeRole = (role: string): role is CodeRole => role === 'participant' || role === 'evaluator' || role === 'observer';

/** Why `session` may no longer use this exercise, or null while it may. Controllers are never refused here. */
export function revocationOf(access: AccessState, session: SessionAccess): RevocationReason | null {
	if (!isCodeRole(session.role)) return null;
	if (session.sid !== undefined && Object.hasOwn(access.removed, session.sid)) return 'removed';
	if (session.codeTag !== undefined) return access.signedOutTags.includes(session.codeTag) ? 'signed-out' : null;
	return access.originalSignedOut.includes(codeKey(session.role, session.team ?? null)) ? 'signed-out' : null;
}

/** The access after a member's removal. */
export function withRemoval(access: AccessState, member: RemovedMember): AccessState {
	return { ...access, removed: { ...access.removed, [member.sid]: member } };
}

/** The access after a code was replaced; `retiredTag` names the old code when its holders are signed out. */
export function withRotation(access: AccessState, rotation: { role: CodeRole; team: string | null; signOut: boolean; retiredTag: string | null }): AccessState {
	const key = codeKey(rotation.role, rotation.team);
	const before = (Object.hasOwn(access.rotations, key) ? access.rotations[key] : undefined) ?? 0;
	const signOut = rotation.signOut;
	return {
		...access,
		rotations: { ...access.rotations, [key]: before + 1 },
		signedOutTags: signOut && rotation.retiredTag !== null ? [...access.signedOutTags, rotation.retiredTag] : access.signedOutTags,
		originalSignedOut: signOut && before === 0 ? [...access.originalSignedOut, key] : access.originalSignedOut
	};
}

/** Whether a member (by session id) has been removed. */
export const isRemoved = (access: AccessState, sid: string): boolean => Object.hasOwn(access.removed, sid);
