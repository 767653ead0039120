/** Picks the event store: PostgreSQL when `DATABASE_URL` is set, otherwise the embedded SQLite file. */
import type { EventStore } from './event-store';
import { PostgresEventStore } from './postgres-event-store';
import { SqliteEventStore } from './sqlite-event-store';

export async function openEventStore(opts: { databaseUrl?: string; dbFile: string }): Promise<{ store: EventStore; describe: string }> {
	if (opts.databaseUrl) {
		const store = await PostgresEventStore.connect(opts.databaseUrl);
		return { store, describe: `PostgreSQL (${new URL(opts.databaseUrl).host})` };
	}
	return { store: new SqliteEventStore(opts.dbFile), describe: `SQLite (${opts.dbFile})` };
}
