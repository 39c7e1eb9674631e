// The search field's element: all of search that runs on page load. The search code, Pagefind
// and its index load on first focus or input (src/scripts/site-search.ts).
class SiteSearch extends HTMLElement {
	connectedCallback() {
		const input = this.querySelector('input[type="search"]');
		if (!(input instanceof HTMLInputElement)) return;
		let loading: Promise<unknown> | undefined;
		const start = () => {
			loading ??= import('./site-search.ts')
				.then(({ startSearch }) => startSearch(this, input))
				.catch(() => (loading = undefined));
		};
		input.addEventListener('focus', start);
		input.addEventListener('input', start);
	}
}
customElements.define('site-search', SiteSearch);
