/**
 * An event store (and its scenario library) whose failures say what happened to the storage: every method's
 * error is classified (`storage-fault.ts`) and thrown as a `StorageFault` when the storage is at fault, and
 * recorded in the server's `StorageHealth`; a write that goes through clears the fault.
 *
 * A proxy rather than a class, so a method added to the stores later is guarded too without being listed here.
 * Only the writes named in WRITES clear a fault: a read can go through while writes fail (a full disk, a file
 * locked by a writer), so a read's success proves nothing.
 */
import type { EventStore } from './event-store';
import { asStorageFault, StorageFault } from './storage-fault';
import type { StorageHealth } from './storage-health';

/** Writes whose success shows the storage takes writes again. */
const WRITES = new Set(['append', 'createExercise', 'setSetting', 'createScenario', 'addVersion', 'setArchived']);

function guard<T extends object>(target: T, health: StorageHealth): T {
	const wrapped = new Map<PropertyKey, unknown>();
	return new Proxy(target, {
		get(obj, key, receiver) {
			if (wrapped.has(key)) return wrapped.get(key);
			const value = Reflect.get(obj, key, receiver);
			if (key === 'scenarios' && value && typeof value === 'object') {
				const scenarios = guard(value, health);
				wrapped.set(key, scenarios);
				return scenarios;
			}
			if (typeof value !== 'function' || key === 'constructor' || key === 'close') return value;
			const method = async (...args: unknown[]) => {
				try {
					const result = await (value as (...a: unknown[]) => unknown).apply(obj, args);
					if (WRITES.has(String(key))) health.succeeded();
					return result;
				} catch (err) {
					const fault = asStorageFault(err);
					if (fault instanceof StorageFault) health.failed(fault);
					throw fault;
				}
			};
			wrapped.set(key, method);
			return method;
		}
	});
}

/** `store` with classified failures recorded in `health`. */
export function guardedStore(store: EventStore, health: StorageHealth): EventStore {
	return guard(store, health);
}
