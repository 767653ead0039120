/**
 * Export routes (HTTP edge): the full event log as JSON and the timeline as
 * CSV. The session token comes in `Authorization: Bearer …`; controllers and
 * the exercise's evaluators get everything, a participant gets only its own
 * team's view and only once the controller has opened the review to teams.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventsForAudience, reviewOpenFor } from '../src/lib/engine/exercise/audience';
import { revocationOf } from '../src/lib/engine/exercise/revocation';
import { timelineCsv } from '../src/lib/engine/formats/timeline-csv';
import { timelineCsvWords } from '../src/lib/i18n/review-words';
import { locales, type Locale } from '../src/lib/paraglide/runtime';
import type { ServerErrorCode } from '../src/lib/realtime/errors';
import type { SessionSigner } from './auth';
import type { ExerciseRegistry } from './exercise-registry';
import { REVOKED_MESSAGE } from './realtime/revocation';

const ROUTE = /^\/api\/exercises\/([a-z0-9-]{1,64})\/(events\.json|timeline\.csv)$/;

/** A refused export: the English `error` and the `code` the browser words (see src/lib/realtime/errors.ts). */
function fail(res: ServerResponse, status: number, code: ServerErrorCode, error: string, params?: Record<string, string>) {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ error, code, params }));
}

/** The language a timeline CSV is worded in (`?lang=fr` from the page); without one, fixed column names and English. */
const csvLocale = (lang: string | null): Locale | null => ((locales as readonly string[]).includes(lang ?? '') ? (lang as Locale) : null);

/** Handles export requests; returns false for any other URL. */
export function exportHandler(deps: { registry: ExerciseRegistry; signer: SessionSigner; now?: () => number }) {
	const now = deps.now ?? Date.now;
	return (req: IncomingMessage, res: ServerResponse): boolean => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const match = ROUTE.exec(url.pathname);
		if (!match) return false;
		if (req.method !== 'GET') return (fail(res, 405, 'bad-call', 'only GET is allowed here'), true);
		const [, exerciseId, kind] = match;
		const auth = req.headers.authorization ?? '';
		const session = auth.startsWith('Bearer ') ? deps.signer.verify(auth.slice(7), now()) : null;
		if (!session) return (fail(res, 401, 'not-signed-in', 'sign in first: send your session token as "Authorization: Bearer <token>"'), true);
		const state = deps.registry.state(exerciseId);
		if (!state) return (fail(res, 404, 'unknown-exercise', `unknown exercise "${exerciseId}"`), true);
		if (session.role !== 'controller' && session.exerciseId !== exerciseId)
			return (fail(res, 403, 'other-exercise', 'your session belongs to another exercise'), true);
		const revoked = revocationOf(state.access, session);
		if (revoked) return (fail(res, 403, 'session-revoked', REVOKED_MESSAGE[revoked], { reason: revoked }), true);
		if (session.role === 'observer') return (fail(res, 403, 'observer-export', 'observers cannot export the exercise'), true);
		let events = deps.registry.events(exerciseId);
		if (session.role === 'participant') {
			if (!reviewOpenFor(state)) return (fail(res, 403, 'review-closed', 'the review is not open to teams: ask your controller'), true);
			events = eventsForAudience(events, { role: 'participant', team: session.team }, true);
		}
		const base = `${exerciseId}-${session.role === 'participant' ? `${session.team}-` : ''}`;
		const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
		if (kind === 'events.json') {
			const body = JSON.stringify(
				{ exercise: { id: exerciseId, title: state.title, scenarioId: state.scenario?.id, exportedAt: new Date(now()).toISOString() }, events },
				null,
				1
			);
			res
				.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${base}events.json"` })
				.end(body);
		} else {
			res
				.writeHead(200, { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${base}timeline.csv"` })
				.end(timelineCsv(events, state.scenario, timelineCsvWords(state.scenario, csvLocale(url.searchParams.get('lang')))));
		}
		return true;
	};
}
