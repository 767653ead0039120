/**
 * The export of everything recorded about one person (HTTP edge, controllers only):
 * `GET /api/people/records.json?name=…` with the controller's session token in `Authorization: Bearer …`.
 * For every exercise on this server whose log holds the name: the roles and teams it was used in, every event the
 * person caused and every event by others that names them — what a person asking for their data is owed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordsAbout } from '../src/lib/engine/review/personal-data';
import type { ServerErrorCode } from '../src/lib/realtime/errors';
import type { SessionSigner } from './auth';
import type { ExerciseRegistry } from './exercise-registry';

const ROUTE = '/api/people/records.json';

function fail(res: ServerResponse, status: number, code: ServerErrorCode, error: string) {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ error, code }));
}

/** A file name from a person's name: letters and digits kept, the rest made dashes. */
const fileName = (name: string) =>
	`${
		name
			.normalize('NFKD')
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.toLowerCase() || 'person'
	}-records.json`;

/** Handles the personal-data export; returns false for any other URL. */
export function personalDataHandler(deps: { registry: ExerciseRegistry; signer: SessionSigner; now?: () => number }) {
	const now = deps.now ?? Date.now;
	return (req: IncomingMessage, res: ServerResponse): boolean => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (url.pathname !== ROUTE) return false;
		if (req.method !== 'GET') return (fail(res, 405, 'bad-call', 'only GET is allowed here'), true);
		const auth = req.headers.authorization ?? '';
		const session = auth.startsWith('Bearer ') ? deps.signer.verify(auth.slice(7), now()) : null;
		if (!session) return (fail(res, 401, 'not-signed-in', 'sign in first: send your session token as "Authorization: Bearer <token>"'), true);
		if (session.role !== 'controller') return (fail(res, 403, 'controller-only', 'only an exercise controller may export personal data'), true);
		const name = (url.searchParams.get('name') ?? '').trim();
		if (!name || name.length > 60) return (fail(res, 400, 'invalid-payload', 'name: give the name the person signed in with (1 to 60 characters)'), true);
		const exercises = deps.registry.list().flatMap((state) => {
			const found = recordsAbout(deps.registry.events(state.id), name);
			if (found.as.length === 0 && found.named.length === 0) return [];
			return [{ exerciseId: state.id, title: state.title, status: state.status, signedInAs: found.as, acted: found.acted, namedBy: found.named }];
		});
		const body = JSON.stringify({ name, exportedAt: new Date(now()).toISOString(), exportedBy: session.name, exercises }, null, 1);
		res
			.writeHead(200, {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': `attachment; filename="${fileName(name)}"`,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			})
			.end(body);
		return true;
	};
}
