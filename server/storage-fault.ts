/**
 * Storage faults: what kind of trouble the database is in when a store call fails, so a refusal can name the cause
 * (the disk is full, the file is locked by another program, the database cannot be reached) instead of a generic
 * "not saved". A `StorageFault` is a `RequestError`: the socket edge and the HTTP routes pass its code to the
 * client as they are, and the browser words it in the reader's language (`messages/errors/`).
 *
 * Errors that are not the storage's fault (a stale append, a constraint a bug broke, our own checks) are not
 * classified: they keep their own meaning.
 */
import { ConcurrencyError } from './event-store';
import { RequestError } from './realtime/access';

export const STORAGE_FAULT_KINDS = ['storage-full', 'storage-locked', 'storage-unavailable', 'storage-failed'] as const;
export type StorageFaultKind = (typeof STORAGE_FAULT_KINDS)[number];

/** PostgreSQL SQLSTATEs (and classes) that mean the database is out of reach or going away. */
const PG_UNAVAILABLE = /^(08|57P0[1-4]|53200|53300|57014|58)/;
/** Node's own error codes for a network peer that is gone or does not answer. */
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What node-postgres says when a connection drops or cannot be had in time (it gives no code). */
const PG_CONNECTION_WORDS = /connection terminated|timeout exceeded when trying to connect|not queryable|connection error|server closed the connection/i;
/** Failures of the request itself, not of the storage: a bug's broken constraint, a transaction conflict. */
const NOT_A_FAULT = /^(SQLITE_CONSTRAINT|SQLITE_MISMATCH|SQLITE_RANGE|SQLITE_ERROR$)|^(23|22|42|40)/;

function codeOf(err: unknown): string {
	const code = (err as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : '';
}

/** Whether `err` came from a database driver or the file system, rather than from our own code. */
function fromStorage(err: unknown): boolean {
	if (!(err instanceof Error)) return false;
	const code = codeOf(err);
	return err.name === 'SqliteError' || err.name === 'DatabaseError' || code.startsWith('SQLITE_') || /^[0-9A-Z]{5}$/.test(code) || /^E[A-Z]+$/.test(code);
}

/** The kind of storage trouble `err` shows; null when it is not a storage fault (it keeps its own meaning). */
export function storageFaultKind(err: unknown): StorageFaultKind | null {
	if (err instanceof StorageFault) return err.kind;
	if (!(err instanceof Error) || err instanceof ConcurrencyError || err instanceof RequestError) return null;
	// A connection refused to every address of a host name comes as one AggregateError carrying the code.
	const inner = err instanceof AggregateError ? err.errors.find((e) => codeOf(e)) : null;
	const code = codeOf(err) || codeOf(inner);
	if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === '53100') return 'storage-full';
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03') return 'storage-locked';
	if (NET_UNAVAILABLE.has(code) || PG_UNAVAILABLE.test(code)) return 'storage-unavailable';
	if (!code && PG_CONNECTION_WORDS.test(err.message)) return 'storage-unavailable';
	if (!fromStorage(err) || NOT_A_FAULT.test(code)) return null;
	return 'storage-failed';
}

const SAYS: Record<StorageFaultKind, string> = {
	'storage-full': "the server's disk (or the database's size limit) is full",
	'storage-locked': 'the database is locked by another program',
	'storage-unavailable': 'the database cannot be reached',
	'storage-failed': 'the database reported a fault'
};

/** A store call refused because of the storage; `detail` is the driver's own words. */
export class StorageFault extends RequestError {
	constructor(
		readonly kind: StorageFaultKind,
		readonly detail: string
	) {
		super(kind, `nothing was saved: ${SAYS[kind]} (${detail})`);
		this.name = 'StorageFault';
	}
}

/** `err` as a StorageFault when it is one, else `err` unchanged. */
export function asStorageFault(err: unknown): unknown {
	if (err instanceof StorageFault) return err;
	const kind = storageFaultKind(err);
	return kind ? new StorageFault(kind, (err as Error).message || codeOf(err) || 'no message') : err;
}
