/**
 * The studio's requests to the server (browser edge): the scenario library over HTTP with the session token, since
 * scenario texts are larger than a socket message may be. Each method resolves with the server's data or throws
 * `RequestFailed` with its code and parameters (`server-unreachable` when no answer came at all).
 */
import type { DryRunPath, DryRunResult } from '$lib/engine/studio/dry-run';
import type { LibraryEntry, ScenarioVersion, ScenarioVersionInfo, VersionStatus } from '$lib/engine/studio/library';
import type { ScenarioLanguage } from '$lib/engine/scenario/vocabulary';
import { RequestFailed } from '../exercise-client';

export type CreateScenario =
	| { blank: { title: string; kind: 'maritime-trafficking' | 'displacement'; language: ScenarioLanguage } }
	| { copyOf: string; version?: number; title?: string }
	| { source: string; fileName?: string };

const BASE = '/api/studio';
const scenario = (key: string) => `${BASE}/scenarios/${encodeURIComponent(key)}`;

export class StudioClient {
	constructor(private readonly token: string) {}

	private async call(url: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
		let res: Response;
		try {
			res = await fetch(url, {
				method: init.method ?? 'GET',
				headers: { authorization: `Bearer ${this.token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: init.body === undefined ? undefined : JSON.stringify(init.body)
			});
		} catch {
			throw new RequestFailed('the server could not be reached', 'unreachable');
		}
		if (res.ok) return res;
		const body = (await res.json().catch(() => ({}))) as { error?: string; code?: string; params?: Record<string, string | number> };
		throw new RequestFailed(body.error ?? `request failed (${res.status})`, body.code, body.params);
	}

	private async json<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
		return (await (await this.call(url, init)).json()) as T;
	}

	list() {
		return this.json<LibraryEntry[]>(`${BASE}/scenarios`);
	}
	open(key: string, version?: number) {
		return this.json<{ entry: LibraryEntry; version: ScenarioVersion }>(`${scenario(key)}${version ? `?version=${version}` : ''}`);
	}
	history(key: string) {
		return this.json<ScenarioVersionInfo[]>(`${scenario(key)}/versions`);
	}
	create(request: CreateScenario) {
		return this.json<{ key: string; version: number }>(`${BASE}/scenarios`, { method: 'POST', body: request });
	}
	save(key: string, request: { baseVersion: number; source: string; status: VersionStatus; note?: string }) {
		return this.json<ScenarioVersionInfo>(scenario(key), { method: 'PUT', body: request });
	}
	restore(key: string, version: number) {
		return this.json<ScenarioVersionInfo>(`${scenario(key)}/restore`, { method: 'POST', body: { version } });
	}
	async archive(key: string, archived: boolean) {
		await this.call(`${scenario(key)}/archive`, { method: 'POST', body: { archived } });
	}
	/** A version's YAML, exactly as stored. */
	async download(key: string, version: number) {
		return (await this.call(`${scenario(key)}/versions/${version}/scenario.yaml`)).text();
	}
	dryRun(source: string, path: DryRunPath) {
		return this.json<DryRunResult>(`${BASE}/dry-run`, { method: 'POST', body: { source, path } });
	}
}
