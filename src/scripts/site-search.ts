// The search field's behaviour, imported by its element (site-search-element.ts) when the visitor first focuses or
// types in it. Pagefind's own script, its WebAssembly and the index are fetched from here, from
// the folder the build writes (src/integrations/search-index.ts).
import { fill, sectionHits, type PagefindApi, type SectionHit } from '../lib/search/results.ts';
import { SEARCH_STATUS_TEXTS as TEXTS } from '../lib/search/texts.ts';
import panelCss from '../styles/site-search-panel.css?inline';

const LIMITS = { limit: 12, perPage: 3 };
/** How many matching pages' data is fetched; each costs one fragment request. */
const PAGES = 6;

let pagefind: Promise<PagefindApi> | undefined;
let styled = false;

/** The results panel's styles, added once; a constructed sheet needs no CSP exception. */
function adoptPanelStyles(): void {
	if (styled) return;
	styled = true;
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(panelCss);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
let loaded = false;

/** Pagefind's browser API, loaded once; the URL stays out of the bundler's reach on purpose. */
function loadPagefind(): Promise<PagefindApi> {
	pagefind ??= (async () => {
		const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
		const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
		// The main thread is fast enough for an index this small, and one script fewer is fetched.
		await api.options({ noWorker: true, excerptLength: 24 });
		await api.init();
		loaded = true;
		return api;
	})();
	pagefind.catch(() => (pagefind = undefined));
	return pagefind;
}

function element<T extends Element>(root: Element, selector: string, type: new () => T): T {
	const found = root.querySelector(selector);
	if (!(found instanceof type)) throw new Error(`site-search: ${selector} is missing`);
	return found;
}

/** Wires up the search field inside `root`; called once, on first focus or input. */
export function startSearch(root: HTMLElement, input: HTMLInputElement): void {
	adoptPanelStyles();
	const panel = element(root, '.site-search__panel', HTMLElement);
	const history = element(root, '.site-search__history-input', HTMLInputElement);
	const status = element(root, '.site-search__status', HTMLElement);
	const list = element(root, '.site-search__results', HTMLOListElement);
	let latest = 0;

	const links = () => [...list.querySelectorAll('a')];
	const open = () => (panel.hidden = false);
	const close = () => (panel.hidden = true);

	const show = (hits: readonly SectionHit[], query: string) => {
		list.replaceChildren(...hits.map(renderHit));
		list.hidden = hits.length === 0;
		status.textContent =
			hits.length === 0
				? fill(TEXTS['search.none'], { query })
				: fill(hits.length === 1 ? TEXTS['search.countOne'] : TEXTS['search.count'], { count: hits.length, query });
	};

	const run = async () => {
		const query = input.value.trim();
		const ticket = ++latest;
		open();
		if (query === '') {
			list.replaceChildren();
			list.hidden = true;
			status.textContent = '';
			return;
		}
		if (import.meta.env.DEV) {
			status.textContent = TEXTS['search.dev'];
			return;
		}
		try {
			if (!loaded) status.textContent = TEXTS['search.loading'];
			const api = await loadPagefind();
			const filters: Record<string, string> = history.checked ? {} : { scope: 'current' };
			const search = await api.debouncedSearch(query, { filters }, 150);
			if (search === null || ticket !== latest) return;
			const pages = await Promise.all(search.results.slice(0, PAGES).map((result) => result.data()));
			if (ticket !== latest) return;
			show(sectionHits(pages, LIMITS, history.checked), query);
		} catch {
			if (ticket === latest) status.textContent = TEXTS['search.failed'];
		}
	};

	input.addEventListener('input', () => void run());
	history.addEventListener('change', () => void run());
	root.addEventListener('focusin', open);
	root.addEventListener('focusout', (event) => {
		if (!(event.relatedTarget instanceof Node && root.contains(event.relatedTarget))) close();
	});
	root.addEventListener('keydown', (event) => onKey(event));
	// A result on this same page only scrolls; the panel should not stay over the text.
	list.addEventListener('click', (event) => {
		if (event.target instanceof Element && event.target.closest('a')) close();
	});

	function onKey(event: KeyboardEvent) {
		const all = links();
		const at = event.target instanceof HTMLAnchorElement ? all.indexOf(event.target) : -1;
		if (event.key === 'Escape' && !panel.hidden) {
			event.preventDefault();
			close();
			input.focus();
		} else if (event.key === 'ArrowDown' && (event.target === input || at !== -1)) {
			event.preventDefault();
			open();
			all[Math.min(at + 1, all.length - 1)]?.focus();
		} else if (event.key === 'ArrowUp' && at !== -1) {
			event.preventDefault();
			(at === 0 ? input : all[at - 1])?.focus();
		} else if (event.key === 'Enter' && event.target === input && all[0]) {
			event.preventDefault();
			all[0].click();
		}
	}

	// The visitor may already have typed while this module was loading.
	open();
	if (input.value.trim() !== '') void run();
	else if (!import.meta.env.DEV) void loadPagefind().catch(() => undefined);
}

function renderHit(hit: SectionHit): HTMLLIElement {
	const item = document.createElement('li');
	const link = document.createElement('a');
	link.href = hit.url;
	link.append(hit.title);
	if (hit.context) {
		const context = document.createElement('span');
		context.className = 'site-search__context';
		context.textContent = hit.context;
		link.append(' ', context);
	}
	const excerpt = document.createElement('p');
	excerpt.className = 'site-search__excerpt';
	// Pagefind escapes the indexed text and adds only <mark> around the matches.
	excerpt.innerHTML = hit.excerpt;
	item.append(link, excerpt);
	return item;
}
