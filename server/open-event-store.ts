/** Picks the event store: PostgreSQL when `DATABASE_URL` is set, otherwise the embedded SQLite file. */
import type { EventStore } from './event-store';
import { PostgresEventStore } from './postgres-event-store';
import { SqliteEventStore } from './sqlite-event-store';

export async function openEventStore(opts: {
	databaseUrl?: string;
	dbFile: string;
	/** A cap on the SQLite file's size in MB (`DATABASE_MAX_MB`); none when absent. */
	dbMaxMb?: number;
	log?: (message: string) => void;
}): Promise<{ store: EventStore; describe: string }> {
	if (opts.databaseUrl) {
		const store = await PostgresEventStore.connect(opts.databaseUrl, { log: opts.log });
		return { store, describe: `PostgreSQL (${new URL(opts.databaseUrl).host})` };
	}
	const capped = opts.dbMaxMb ? `, at most ${opts.dbMaxMb} MB` : '';
	return { store: new SqliteEventStore(opts.dbFile, { maxMb: opts.dbMaxMb }), describe: `SQLite (${opts.dbFile}${capped})` };
}
