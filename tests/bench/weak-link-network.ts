/**
 * What one page moves over the network, as Chromium's DevTools protocol sees it: every HTTP request (URL,
 * type, bytes received — `Network.loadingFinished` `encodedDataLength`, headers included — and whether it came
 * from the cache) and every WebSocket frame (payload bytes, sent and received), plus the network profile the
 * page is held to (`Network.emulateNetworkConditions`). Counting starts again at `reset()`.
 */
import type { CDPSession, Page } from 'playwright-core';

/** A link as Chromium's emulation models it (throughput in bytes per second, latency added per request). */
export interface NetworkProfile {
	name: string;
	downloadKbps: number;
	uploadKbps: number;
	rttMs: number;
	/** Chromium applies this to WebRTC only (see the README). */
	packetLossPercent?: number;
}

export const BROADBAND: NetworkProfile = { name: 'broadband', downloadKbps: 1600, uploadKbps: 750, rttMs: 150 };
export const BAD_LINK: NetworkProfile = { name: 'bad-link', downloadKbps: 400, uploadKbps: 400, rttMs: 400, packetLossPercent: 1 };

export interface RequestRecord {
	url: string;
	type: string;
	status: number | null;
	/** Bytes received for it (headers and body as sent, i.e. compressed); 0 when served from the cache. */
	bytes: number;
	fromCache: boolean;
	contentEncoding: string | null;
	cacheControl: string | null;
	failed: string | null;
}

export interface FrameTotals {
	sentBytes: number;
	receivedBytes: number;
	sentFrames: number;
	receivedFrames: number;
}

const frameBytes = (opcode: number, payload: string) => (opcode === 2 ? Buffer.from(payload, 'base64').length : Buffer.byteLength(payload, 'utf8'));

export class NetworkRecorder {
	private requests = new Map<string, RequestRecord>();
	private frames: FrameTotals = { sentBytes: 0, receivedBytes: 0, sentFrames: 0, receivedFrames: 0 };
	/** Received frames by socket.io event name (`42["exercise:events",…]` → exercise:events), bytes. */
	private byEvent = new Map<string, { frames: number; bytes: number }>();

	private constructor(readonly cdp: CDPSession) {
		cdp.on('Network.requestWillBeSent', (e) => {
			const old = this.requests.get(e.requestId);
			// A redirect reuses the request id: keep the bytes of the hop before it.
			this.requests.set(e.requestId, {
				url: e.request.url,
				type: e.type ?? 'Other',
				status: null,
				bytes: old?.bytes ?? 0,
				fromCache: false,
				contentEncoding: null,
				cacheControl: null,
				failed: null
			});
		});
		cdp.on('Network.requestServedFromCache', (e) => {
			const r = this.requests.get(e.requestId);
			if (r) r.fromCache = true;
		});
		cdp.on('Network.responseReceived', (e) => {
			const r = this.requests.get(e.requestId);
			if (!r) return;
			const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
			r.status = e.response.status;
			r.contentEncoding = h['content-encoding'] ?? null;
			r.cacheControl = h['cache-control'] ?? null;
			if (e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache) r.fromCache = true;
		});
		cdp.on('Network.loadingFinished', (e) => {
			const r = this.requests.get(e.requestId);
			if (r) r.bytes += e.encodedDataLength;
		});
		cdp.on('Network.loadingFailed', (e) => {
			const r = this.requests.get(e.requestId);
			if (r) r.failed = e.errorText;
		});
		cdp.on('Network.webSocketFrameSent', (e) => {
			this.frames.sentFrames++;
			this.frames.sentBytes += frameBytes(e.response.opcode, e.response.payloadData);
		});
		cdp.on('Network.webSocketFrameReceived', (e) => {
			const bytes = frameBytes(e.response.opcode, e.response.payloadData);
			this.frames.receivedFrames++;
			this.frames.receivedBytes += bytes;
			const name = /^4[23]\d*\[?"?([\w:.-]*)/.exec(e.response.payloadData)?.[1] || (e.response.payloadData.startsWith('43') ? 'ack' : 'engine.io');
			const seen = this.byEvent.get(name) ?? { frames: 0, bytes: 0 };
			seen.frames++;
			seen.bytes += bytes;
			this.byEvent.set(name, seen);
		});
	}

	static async attach(page: Page): Promise<NetworkRecorder> {
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.enable');
		return new NetworkRecorder(cdp);
	}

	/** Holds the page to `profile` (null: no throttling); `offline` cuts it off altogether. */
	async emulate(profile: NetworkProfile | null, offline = false) {
		await this.cdp.send('Network.emulateNetworkConditions', {
			offline,
			latency: profile?.rttMs ?? 0,
			downloadThroughput: profile ? (profile.downloadKbps * 1000) / 8 : -1,
			uploadThroughput: profile ? (profile.uploadKbps * 1000) / 8 : -1,
			...(profile?.packetLossPercent ? { packetLoss: profile.packetLossPercent } : {})
		});
	}

	reset() {
		this.requests.clear();
		this.fromWorkers = [];
		this.frames = { sentBytes: 0, receivedBytes: 0, sentFrames: 0, receivedFrames: 0 };
		this.byEvent.clear();
	}

	/** Requests a web worker made (MapLibre fetches the basemap GeoJSON in one): the page's CDP session does not see them. */
	private fromWorkers: RequestRecord[] = [];
	addWorkerRequest(r: RequestRecord) {
		this.fromWorkers.push(r);
	}

	requestList(): RequestRecord[] {
		return [...this.requests.values(), ...this.fromWorkers];
	}

	httpBytes(): number {
		return this.requestList().reduce((a, r) => a + r.bytes, 0);
	}

	frameTotals(): FrameTotals {
		return { ...this.frames };
	}

	receivedByEvent(): Record<string, { frames: number; bytes: number }> {
		return Object.fromEntries([...this.byEvent.entries()].sort((a, b) => b[1].bytes - a[1].bytes));
	}

	/** HTTP bytes plus WebSocket payload bytes both ways. */
	totalBytes(): number {
		return this.httpBytes() + this.frames.sentBytes + this.frames.receivedBytes;
	}
}
