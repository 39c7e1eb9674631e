// The preferences' "your choice" section: when and what the visitor chose, with the consent id.
// Loaded with the preferences (src/scripts/consent.ts), so a first visit does not carry it.
import { getCookie } from 'vanilla-cookieconsent';
import type { RecordTexts } from '../lib/consent-widget.ts';
import { fill } from '../lib/fill.ts';

const dateFormat = new Intl.DateTimeFormat('fi-FI', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Helsinki',
});

/** Writes the record into `container`: the granted categories' names, or that nothing is chosen yet. */
export function renderRecord(texts: RecordTexts, container: HTMLElement, granted: readonly string[] | undefined): void {
	const lines: string[] = [];
	if (granted) {
		const cookie = getCookie();
		lines.push(
			fill(texts['consent.record.choice'], { categories: granted.join(', ') }),
			fill(texts['consent.record.dates'], {
				first: dateFormat.format(new Date(cookie.consentTimestamp)),
				last: dateFormat.format(new Date(cookie.lastConsentTimestamp)),
			}),
			fill(texts['consent.record.id'], { id: cookie.consentId }),
		);
	} else {
		lines.push(texts['consent.record.none']);
	}
	container.replaceChildren(
		...lines.map((line) => {
			const paragraph = document.createElement('p');
			paragraph.className = 'section__desc';
			paragraph.textContent = line;
			return paragraph;
		}),
	);
}
