// The change log's date field: answers "which version was in force on this day?" as soon as a
// day is given, from the validity list already on the page, by the build's own rule.
import { formatFinnishDate, isIsoDate, todayInHelsinki } from '../lib/site/dates.ts';
import { revisionOnDate } from '../lib/notice/date-lookup.ts';
import { LOOKUP_TEXTS as T } from '../lib/notice/lookup-texts.ts';

interface Listed {
	published: string;
	effective: string;
	path: string;
}

function time(date: string): HTMLTimeElement {
	const element = document.createElement('time');
	element.dateTime = date;
	element.textContent = formatFinnishDate(date);
	return element;
}

/** A text with its `{name}` placeholders replaced by nodes. */
function sentence(template: string, values: Record<string, Node>): (Node | string)[] {
	return template.split(/\{(\w+)\}/).map((piece, at) => (at % 2 === 1 ? (values[piece] ?? `{${piece}}`) : piece));
}

/** Starts answering in `root`, the change log's date lookup section. */
export function startDateLookup(root: HTMLElement): void {
	const form = root.querySelector('form');
	const input = form?.elements.namedItem('pvm');
	const output = root.querySelector<HTMLElement>('[data-date-answer]');
	if (!form || !(input instanceof HTMLInputElement) || !output) return;
	const revisions: Listed[] = Array.from(root.querySelectorAll<HTMLElement>('[data-published]'), (item) => ({
		published: item.dataset['published'] ?? '',
		effective: item.dataset['effective'] ?? '',
		path: item.querySelector('a')?.getAttribute('href') ?? '',
	}));

	const answer = (date: string) => {
		if (date === '') return output.replaceChildren();
		const today = todayInHelsinki();
		const result = revisionOnDate(revisions, date);
		switch (result.kind) {
			case 'invalid':
				return output.replaceChildren(T['history.lookup.invalid']);
			case 'unpublished':
				return output.replaceChildren(...sentence(T['history.lookup.unpublished'], { date: time(date) }));
			case 'notInForce': {
				const key = result.first.effective > today ? 'history.lookup.notYetInForce' : 'history.lookup.notInForce';
				return output.replaceChildren(
					...sentence(T[key], { date: time(date), effective: time(result.first.effective) }),
				);
			}
			case 'revision': {
				const { revision } = result;
				const link = document.createElement('a');
				link.href = revision.path;
				link.append(...sentence(T['history.lookup.version'], { date: time(revision.published) }));
				const parts = sentence(T[date < today ? 'history.lookup.was' : 'history.lookup.is'], {
					date: time(date),
					version: link,
				});
				if (revision.effective > today)
					parts.push(' ', ...sentence(T['history.lookup.takesEffect'], { date: time(revision.effective) }));
				return output.replaceChildren(...parts);
			}
		}
	};

	// The address keeps the day, so that an answer can be shared. A day given before this code
	// ran is answered at once.
	const given = () => {
		answer(input.value);
		history.replaceState(null, '', input.value ? `?pvm=${input.value}` : location.pathname);
	};
	const fromAddress = new URLSearchParams(location.search).get('pvm');
	if (fromAddress !== null) {
		if (isIsoDate(fromAddress)) input.value = fromAddress;
		answer(fromAddress);
	} else if (input.value) given();
	input.addEventListener('input', given);
	input.addEventListener('change', given);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		given();
	});
}
