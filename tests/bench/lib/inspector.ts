/**
 * A minimal Chrome DevTools Protocol client for a child Node process started
 * with `--inspect=127.0.0.1:0`: forces a full garbage collection and reads the
 * V8 heap use, so memory figures can be taken on a settled heap.
 * (`ws` is the WebSocket library socket.io itself runs on.)
 */
import WebSocket from 'ws';

export class Inspector {
	private nextId = 1;
	private waiting = new Map<number, (result: unknown) => void>();

	private constructor(private socket: WebSocket) {
		socket.on('message', (data) => {
			const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
			if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.error ? new Error(msg.error.message) : msg.result);
		});
	}

	/** Finds the "Debugger listening on ws://127.0.0.1:…" line in a process's output and connects. */
	static async fromOutput(output: string): Promise<Inspector> {
		const m = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(output);
		if (!m) throw new Error('no inspector URL in the server output');
		const socket = new WebSocket(m[1]!);
		await new Promise<void>((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
		});
		return new Inspector(socket);
	}

	send(method: string, params: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<unknown> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`inspector: ${method} timed out`)), timeoutMs);
			this.waiting.set(id, (result) => {
				clearTimeout(timer);
				this.waiting.delete(id);
				if (result instanceof Error) reject(result);
				else resolve(result);
			});
			this.socket.send(JSON.stringify({ id, method, params }));
		});
	}

	async collectGarbage(): Promise<void> {
		await this.send('HeapProfiler.collectGarbage');
	}

	/** V8 heap in use, bytes. */
	async heapUsed(): Promise<number> {
		const r = (await this.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
		return r.usedSize;
	}

	close() {
		this.socket.close();
	}
}
