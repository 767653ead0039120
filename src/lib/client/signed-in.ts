/**
 * What the join page says about a session this browser already holds: who, in which role and team, and where
 * "Continue" leads. The team's and exercise's names are remembered by the page that showed them (the join
 * page has no exercise view to read them from), next to the session and only for that session's token.
 */
import type { Session } from '$lib/realtime/contract';
import { m } from '$lib/paraglide/messages';

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

/** "Lt Baptiste for Trinidad and Tobago Coast Guard", "Joseph, evaluator", …: one line, plain words, in the reader's language. */
export function signedInAs(session: Session, names: SessionNames | null): string {
	const name = session.name;
	switch (session.role) {
		case 'participant':
			return names?.team ? m.join_as_participant({ name, team: names.team }) : m.join_as_participant_no_team({ name });
		case 'evaluator':
			return m.join_as_evaluator({ name });
		case 'observer':
			return m.join_as_observer({ name });
		case 'controller':
			return m.join_as_controller({ name });
	}
}

/** Where a signed-in session continues (the same pages the join form leads to). */
export function homeOf(role: Session['role']): '/play' | '/review' | '/control' | '/observe' {
	if (role === 'participant') return '/play';
	if (role === 'controller') return '/control';
	if (role === 'observer') return '/observe';
	return '/review';
}
