import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../server/event-store';
import { RequestError } from '../../server/realtime/access';
import { asStorageFault, StorageFault, storageFaultKind } from '../../server/storage-fault';
import { notReadyReason, StorageHealth } from '../../server/storage-health';

/** An error as a driver throws it: a name, a code and a message. */
const driverError = (name: string, code: string | undefined, message: string) => Object.assign(new Error(message), { name, ...(code ? { code } : {}) });
const sqlite = (code: string, message = code) => driverError('SqliteError', code, message);
const postgres = (code: string, message = code) => driverError('DatabaseError', code, message);
const node = (code: string) => driverError('Error', code, `connect ${code} 127.0.0.1:5432`);

describe('storageFaultKind', () => {
	it('reads SQLite result codes', () => {
		expect(storageFaultKind(sqlite('SQLITE_FULL', 'database or disk is full'))).toBe('storage-full');
		expect(storageFaultKind(sqlite('SQLITE_BUSY', 'database is locked'))).toBe('storage-locked');
		expect(storageFaultKind(sqlite('SQLITE_BUSY_SNAPSHOT'))).toBe('storage-locked');
		expect(storageFaultKind(sqlite('SQLITE_LOCKED'))).toBe('storage-locked');
		expect(storageFaultKind(sqlite('SQLITE_IOERR_WRITE'))).toBe('storage-failed');
		expect(storageFaultKind(sqlite('SQLITE_READONLY'))).toBe('storage-failed');
		expect(storageFaultKind(sqlite('SQLITE_CORRUPT'))).toBe('storage-failed');
	});

	it('reads the file system and the network', () => {
		expect(storageFaultKind(node('ENOSPC'))).toBe('storage-full');
		expect(storageFaultKind(node('EDQUOT'))).toBe('storage-full');
		expect(storageFaultKind(node('ECONNREFUSED'))).toBe('storage-unavailable');
		expect(storageFaultKind(node('ECONNRESET'))).toBe('storage-unavailable');
		expect(storageFaultKind(node('ETIMEDOUT'))).toBe('storage-unavailable');
		expect(storageFaultKind(node('EACCES'))).toBe('storage-failed');
		// A host name with several addresses, every one refusing: Node gives one AggregateError.
		expect(storageFaultKind(new AggregateError([node('ECONNREFUSED'), node('ECONNREFUSED')], ''))).toBe('storage-unavailable');
	});

	it('reads PostgreSQL SQLSTATEs and node-postgres words', () => {
		expect(storageFaultKind(postgres('53100', 'could not extend file: No space left on device'))).toBe('storage-full');
		expect(storageFaultKind(postgres('57P01', 'terminating connection due to administrator command'))).toBe('storage-unavailable');
		expect(storageFaultKind(postgres('57P03', 'the database system is starting up'))).toBe('storage-unavailable');
		expect(storageFaultKind(postgres('08006'))).toBe('storage-unavailable');
		expect(storageFaultKind(postgres('53300', 'sorry, too many clients already'))).toBe('storage-unavailable');
		expect(storageFaultKind(postgres('57014', 'canceling statement due to statement timeout'))).toBe('storage-unavailable');
		expect(storageFaultKind(postgres('55P03'))).toBe('storage-locked');
		expect(storageFaultKind(postgres('XX000', 'internal error'))).toBe('storage-failed');
		expect(storageFaultKind(new Error('Connection terminated unexpectedly'))).toBe('storage-unavailable');
		expect(storageFaultKind(new Error('timeout exceeded when trying to connect'))).toBe('storage-unavailable');
	});

	it('leaves what is not the storage’s fault alone', () => {
		expect(storageFaultKind(new ConcurrencyError('exercise "x" is at seq 3, expected 2'))).toBeNull();
		expect(storageFaultKind(new RequestError('stale-version', 'stale'))).toBeNull();
		expect(storageFaultKind(new Error('unknown exercise "x"'))).toBeNull();
		expect(storageFaultKind(new TypeError('x is undefined'))).toBeNull();
		expect(storageFaultKind(sqlite('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBeNull();
		expect(storageFaultKind(sqlite('SQLITE_ERROR', 'no such table: x'))).toBeNull();
		expect(storageFaultKind(postgres('23505', 'duplicate key value violates unique constraint'))).toBeNull();
		expect(storageFaultKind(postgres('40001', 'could not serialize access'))).toBeNull();
		expect(storageFaultKind(postgres('42P01', 'relation "x" does not exist'))).toBeNull();
		expect(storageFaultKind('a string')).toBeNull();
	});
});

describe('asStorageFault', () => {
	it('turns a storage failure into a refusal with its code and the driver’s words', () => {
		const fault = asStorageFault(sqlite('SQLITE_FULL', 'database or disk is full'));
		expect(fault).toBeInstanceOf(StorageFault);
		expect(fault).toBeInstanceOf(RequestError);
		expect(fault).toMatchObject({ code: 'storage-full', kind: 'storage-full', detail: 'database or disk is full' });
		expect((fault as Error).message).toBe("nothing was saved: the server's disk (or the database's size limit) is full (database or disk is full)");
	});

	it('passes other errors through unchanged', () => {
		const stale = new ConcurrencyError('stale');
		expect(asStorageFault(stale)).toBe(stale);
	});
});

describe('StorageHealth', () => {
	const at = Date.UTC(2026, 11, 3, 10, 2, 3);

	it('keeps the first time a fault was seen and the last words, and clears on success', () => {
		let now = at;
		const said: string[] = [];
		const health = new StorageHealth({ now: () => now, log: (m) => said.push(m) });
		let cleared = 0;
		health.onCleared(() => cleared++);
		health.failed(new StorageFault('storage-full', 'database or disk is full'));
		now += 5_000;
		health.failed(new StorageFault('storage-full', 'disk I/O error'));
		expect(health.fault).toEqual({ kind: 'storage-full', since: at, detail: 'disk I/O error' });
		expect(notReadyReason(health.fault!)).toBe('not ready: storage full since 10:02:03Z (disk I/O error)');
		now += 7_000;
		health.succeeded();
		expect(health.fault).toBeNull();
		expect(cleared).toBe(1);
		health.succeeded();
		expect(cleared).toBe(1);
		expect(said).toEqual(['storage fault: storage-full (database or disk is full)', 'storage recovered from storage-full after 12 s']);
		health.close();
	});

	it('starts a new fault when the kind changes', () => {
		let now = at;
		const health = new StorageHealth({ now: () => now });
		health.failed(new StorageFault('storage-locked', 'database is locked'));
		now += 1_000;
		health.failed(new StorageFault('storage-full', 'database or disk is full'));
		expect(health.fault).toEqual({ kind: 'storage-full', since: at + 1_000, detail: 'database or disk is full' });
		health.close();
	});
});
