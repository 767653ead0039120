/**
 * What the join page says about a session this browser already holds: who, in which role and team, and where
 * "Continue" leads. The team's and exercise's names are remembered by the page that showed them (the join
 * page has no exercise view to read them from), next to the session and only for that session's token.
 */
import type { Session } from '$lib/realtime/contract';

const KEY = 'crosscurrent.session-names';

export interface SessionNames {
	/** The session's token tail, so names from an earlier session are never shown for a new one. */
	tokenTail: string;
	team: string | null;
	exercise: string | null;
}

const tail = (token: string) => token.slice(-16);

export function rememberNames(token: string, team: string | null, exercise: string | null) {
	try {
		localStorage.setItem(KEY, JSON.stringify({ tokenTail: tail(token), team, exercise } satisfies SessionNames));
	} catch {
		// Not kept: the join page then names the role only.
	}
}

export function namesFor(token: string): SessionNames | null {
	try {
		const raw = localStorage.getItem(KEY);
		const names = raw ? (JSON.parse(raw) as SessionNames) : null;
		return names && names.tokenTail === tail(token) ? names : null;
	} catch {
		return null;
	}
}

export function forgetNames() {
	try {
		localStorage.removeItem(KEY);
	} catch {
		// Nothing to forget.
	}
}

/** "Lt Baptiste for Trinidad and Tobago Coast Guard", "Evaluator Joseph, evaluator", …: one line, plain words. */
export function signedInAs(session: Session, names: SessionNames | null): string {
	switch (session.role) {
		case 'participant':
			return `${session.name} for ${names?.team ?? 'your team'}`;
		case 'evaluator':
			return `${session.name}, evaluator`;
		case 'observer':
			return `${session.name}, observer`;
		case 'controller':
			return `${session.name}, exercise controller`;
	}
}

/** Where a signed-in session continues (the same pages the join form leads to). */
export function homeOf(role: Session['role']): '/play' | '/review' | '/control' | '/observe' {
	if (role === 'participant') return '/play';
	if (role === 'controller') return '/control';
	if (role === 'observer') return '/observe';
	return '/review';
}
