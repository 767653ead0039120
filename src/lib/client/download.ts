/** Downloads an export route with the session token (exports need authorization, so a plain link will not do). */
import { RequestFailed } from './exercise-client';
import { getLocale } from '$lib/paraglide/runtime';
import { loadSession } from './session';

export async function downloadExport(exerciseId: string, file: 'events.json' | 'timeline.csv'): Promise<void> {
	// The timeline CSV's headers and text come out in the reader's language.
	const query = file === 'timeline.csv' ? `?lang=${encodeURIComponent(getLocale())}` : '';
	await fetchAndSave(`/api/exercises/${encodeURIComponent(exerciseId)}/${file}${query}`, file);
}

/** Fetches a route with the session token and saves the answer under the server's file name. */
async function fetchAndSave(route: string, file: string): Promise<void> {
	const token = loadSession()?.token;
	const res = await fetch(route, { headers: { authorization: `Bearer ${token}` } });
	if (!res.ok) {
		const body = (await res.json().catch(() => ({}))) as { error?: string; code?: string };
		throw new RequestFailed(body.error ?? `export failed (${res.status})`, body.code);
	}
	const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? file;
	saveBlob(name, await res.blob());
}

/** Downloads everything the exercises record about the person who signed in as `name` (controllers). */
export async function downloadPersonRecords(name: string): Promise<void> {
	await fetchAndSave(`/api/people/records.json?name=${encodeURIComponent(name)}`, 'records.json');
}

/** Offers text made in the browser (a scenario's YAML, its MSEL CSV) as a file download. */
export function saveTextFile(name: string, text: string, type: string): void {
	saveBlob(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

function saveBlob(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
