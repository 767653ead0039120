/**
 * The storage's health as the server last saw it: the current fault (its kind, when it was first seen, the
 * driver's last words), cleared by the next successful write. While a fault lasts, a probe writes a small
 * setting every couple of seconds, so the fault clears as soon as the storage does, without waiting for a user
 * to try again; listeners (the exercise registry) are told, and retry what they were waiting to save.
 * `/readyz` reads it.
 */
import type { StorageFault, StorageFaultKind } from './storage-fault';

export interface StorageFaultRecord {
	kind: StorageFaultKind;
	/** Wall time (ms) the fault was first seen. */
	since: number;
	/** The driver's words on the last failure. */
	detail: string;
}

/** What `/readyz` says after "storage", by fault. */
const READY_WORDS: Record<StorageFaultKind, string> = {
	'storage-full': 'storage full',
	'storage-locked': 'storage locked',
	'storage-unavailable': 'storage unavailable',
	'storage-failed': 'storage failing'
};

/** "10:02:03Z": the UTC time of day, enough for an operator reading a probe. */
const timeOfDay = (wall: number) => new Date(wall).toISOString().slice(11, 19) + 'Z';

/** The readiness line for a fault: "not ready: storage full since 10:02:03Z (database or disk is full)". */
export function notReadyReason(fault: StorageFaultRecord): string {
	return `not ready: ${READY_WORDS[fault.kind]} since ${timeOfDay(fault.since)} (${fault.detail.replace(/\s+/g, ' ').slice(0, 200)})`;
}

export class StorageHealth {
	private current: StorageFaultRecord | null = null;
	private cleared: (() => void)[] = [];
	private probeTimer: NodeJS.Timeout | null = null;
	private probing = false;

	constructor(
		private deps: {
			now?: () => number;
			log?: (message: string) => void;
			/** A small write that succeeds when the storage is healthy again. */
			probe?: () => Promise<void>;
			probeEveryMs?: number;
		} = {}
	) {}

	private now() {
		return (this.deps.now ?? Date.now)();
	}

	/** The fault the storage is in, or null when the last write went through. */
	get fault(): StorageFaultRecord | null {
		return this.current;
	}

	/** A store call failed with `fault`. */
	failed(fault: StorageFault) {
		if (this.current?.kind === fault.kind) {
			this.current.detail = fault.detail;
			return;
		}
		this.current = { kind: fault.kind, since: this.now(), detail: fault.detail };
		this.deps.log?.(`storage fault: ${fault.kind} (${fault.detail})`);
		this.startProbe();
	}

	/** A write went through: the storage is healthy. */
	succeeded() {
		if (!this.current) return;
		this.deps.log?.(`storage recovered from ${this.current.kind} after ${Math.round((this.now() - this.current.since) / 1000)} s`);
		this.current = null;
		this.stopProbe();
		for (const listener of this.cleared) listener();
	}

	/** Calls `listener` each time a fault clears. */
	onCleared(listener: () => void) {
		this.cleared.push(listener);
	}

	private startProbe() {
		const { probe } = this.deps;
		if (!probe || this.probeTimer) return;
		this.probeTimer = setInterval(() => {
			if (this.probing) return;
			this.probing = true;
			// The probe goes through the guarded store, which records its failure or its success here.
			probe()
				.catch(() => undefined)
				.finally(() => (this.probing = false));
		}, this.deps.probeEveryMs ?? 2_000);
		this.probeTimer.unref();
	}

	private stopProbe() {
		if (this.probeTimer) clearInterval(this.probeTimer);
		this.probeTimer = null;
	}

	close() {
		this.stopProbe();
		this.cleared = [];
	}
}
