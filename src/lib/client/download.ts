/** Downloads an export route with the session token (exports need authorization, so a plain link will not do). */
import { RequestFailed } from './exercise-client';
import { getLocale } from '$lib/paraglide/runtime';
import { loadSession } from './session';

export async function downloadExport(exerciseId: string, file: 'events.json' | 'timeline.csv'): Promise<void> {
	const token = loadSession()?.token;
	// The timeline CSV's headers and text come out in the reader's language.
	const query = file === 'timeline.csv' ? `?lang=${encodeURIComponent(getLocale())}` : '';
	const res = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/${file}${query}`, { headers: { authorization: `Bearer ${token}` } });
	if (!res.ok) {
		const body = (await res.json().catch(() => ({}))) as { error?: string; code?: string };
		throw new RequestFailed(body.error ?? `export failed (${res.status})`, body.code);
	}
	const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? file;
	saveBlob(name, await res.blob());
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
