// The preferences' "your choice" section: when and what the visitor chose, the version of the
// cookie information they agreed to, the consent id, and a receipt to download. Loaded with the
// preferences (src/scripts/consent.ts), so a first visit does not carry it.
import { getCookie } from 'vanilla-cookieconsent';
import type { ConsentRecord } from '../lib/consent/runtime.ts';
import type { ReceiptData, RecordTexts, WidgetCategory, WidgetPreferences } from '../lib/consent/widget.ts';
import { fill } from '../lib/site/fill.ts';

/** The choice in force, as the widget enforces it on this page. */
interface GrantedChoice {
	/** The granted categories, in the preferences' order. */
	categories: readonly WidgetCategory[];
	/** Whether the browser sends Global Privacy Control now. */
	gpc: boolean;
}

const dateFormat = new Intl.DateTimeFormat('fi-FI', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Helsinki',
});

/**
 * The version a record names. A record made before versions were kept names none: it was made
 * under the first version of its revision, the oldest of those a trustworthy record may name.
 */
function agreedVersion(record: ConsentRecord, receipt: ReceiptData): string | undefined {
	return record.data?.version ?? Object.keys(receipt.versions)[0];
}

/** The receipt of a choice: the stored record's facts and the version's fingerprint, as plain JSON. */
export function receiptOf(record: ConsentRecord, choice: GrantedChoice, receipt: ReceiptData, now = new Date()) {
	const date = agreedVersion(record, receipt);
	const version = date === undefined ? undefined : receipt.versions[date];
	return {
		site: receipt.site,
		consentId: record.consentId,
		consentTimestamp: record.consentTimestamp,
		lastConsentTimestamp: record.lastConsentTimestamp,
		acceptedCategories: record.categories,
		acceptedServices: choice.categories.flatMap((category) =>
			category.services.map(({ id }) => ({ id, category: category.id, ...receipt.services[id] })),
		),
		// Whether GPC applied when the choice was made, or applies to it now: the site enforces it on every page.
		globalPrivacyControl: record.data?.gpc === true || choice.gpc,
		version: version ? { date, sha256: version.sha256, url: version.url, sourceUrl: version.sourceUrl } : null,
		revision: record.revision,
		receiptCreated: now.toISOString(),
	};
}

let receiptUrl: string | undefined;

/** Saves the receipt as a file, made here in the browser: nothing is sent anywhere. */
function download(record: ConsentRecord, choice: GrantedChoice, receipt: ReceiptData): void {
	if (receiptUrl) URL.revokeObjectURL(receiptUrl);
	const json = `${JSON.stringify(receiptOf(record, choice, receipt), null, 2)}\n`;
	receiptUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
	const link = document.createElement('a');
	link.href = receiptUrl;
	link.download = `evastekuitti-${record.consentId}.json`;
	link.click();
}

/** A paragraph of the section: text, with `{version}` (if any) as the given element. */
function paragraph(text: string, inner?: HTMLElement): HTMLParagraphElement {
	const element = document.createElement('p');
	element.className = 'section__desc';
	const [before, after] = text.split('{version}');
	element.append(before ?? '');
	if (inner && after !== undefined) element.append(inner, after);
	return element;
}

/**
 * Adds the section to the preferences dialog; the function it returns writes the record into
 * it, given the categories granted now (undefined while there is no valid choice).
 */
export function mountRecord(
	modal: HTMLElement,
	{ record: texts, receipt }: Pick<WidgetPreferences, 'record' | 'receipt'>,
	gpc: boolean,
): (granted: readonly WidgetCategory[] | undefined) => void {
	const section = document.createElement('div');
	section.className = 'pm__section cc-record';
	const title = document.createElement('div');
	title.className = 'pm__section-title';
	title.setAttribute('role', 'heading');
	title.setAttribute('aria-level', '3');
	title.textContent = texts['consent.record.title'];
	const container = document.createElement('div');
	section.append(title, container);
	modal.querySelector('.pm__body')?.append(section);
	return (granted) => renderRecord(texts, receipt, container, granted && { categories: granted, gpc });
}

/** Writes the record into `container`: the choice, its dates, version and id, and the receipt; or that nothing is chosen yet. */
function renderRecord(
	texts: RecordTexts,
	receipt: ReceiptData,
	container: HTMLElement,
	choice: GrantedChoice | undefined,
): void {
	if (!choice) {
		container.replaceChildren(paragraph(texts['consent.record.none']));
		return;
	}
	const record = getCookie() as ConsentRecord;
	const date = agreedVersion(record, receipt);
	const version = date === undefined ? undefined : receipt.versions[date];
	const link = document.createElement('a');
	if (version) {
		link.href = version.path;
		link.textContent = version.label;
	}
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'pm__btn pm__btn--secondary cc-record__receipt';
	button.textContent = texts['consent.record.receipt'];
	button.addEventListener('click', () => download(getCookie() as ConsentRecord, choice, receipt));
	const receiptLine = paragraph(texts['consent.record.receiptNote']);
	receiptLine.prepend(button, ' ');
	container.replaceChildren(
		paragraph(
			fill(texts['consent.record.choice'], {
				categories: choice.categories.map((category) => category.name).join(', '),
			}),
		),
		paragraph(
			fill(texts['consent.record.dates'], {
				first: dateFormat.format(new Date(record.consentTimestamp)),
				last: dateFormat.format(new Date(record.lastConsentTimestamp)),
			}),
		),
		...(version ? [paragraph(texts['consent.record.version'], link)] : []),
		paragraph(fill(texts['consent.record.id'], { id: record.consentId })),
		receiptLine,
	);
}
