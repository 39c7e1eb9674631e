import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { formatFinnishDate, isoDateToUtc } from '../../lib/site/dates.ts';
import { sortNewestFirst } from '../../lib/notice/revisions.ts';
import { escapeHtml } from '../../lib/site/html.ts';
import { LANGUAGE, t } from '../../lib/site/i18n.ts';
import { loadHistory } from '../../lib/notice/collection-node.ts';
import { changesPath, FEED_PATH, HISTORY_PATH, revisionPath } from '../../lib/site/routes.ts';

/** One item per revision, newest first: its date, summary and links to it and its changes. */
export const GET: APIRoute = async ({ site }) => {
	const history = await loadHistory();
	const absolute = (path: string) => new URL(path, site).href;
	const newestFirst = sortNewestFirst(history.revisions);
	// The newest revision's date, not the clock's: a rebuild of the same revisions is the same feed.
	const lastBuildDate = isoDateToUtc((newestFirst[0] ?? history.current).published).toUTCString();
	return rss({
		title: t('history.feed.title'),
		description: t('history.feed.description'),
		site: absolute(HISTORY_PATH),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		// The self link lets feed readers and validators know the feed's own address.
		customData:
			`<language>${LANGUAGE}</language><lastBuildDate>${lastBuildDate}</lastBuildDate>` +
			`<atom:link href="${absolute(FEED_PATH)}" rel="self" type="application/rss+xml"/>`,
		items: newestFirst.map((revision) => {
			const first = history.previousOf(revision) === undefined;
			const summary = revision.summary ?? t('history.feed.first');
			const effective =
				revision.effective === revision.published
					? ''
					: ` ${t('history.feed.effective', { date: formatFinnishDate(revision.effective) })}`;
			const links = [`<a href="${absolute(revisionPath(revision))}">${escapeHtml(t('history.feed.read'))}</a>`];
			if (!first)
				links.push(`<a href="${absolute(changesPath(revision))}">${escapeHtml(t('history.feed.changes'))}</a>`);
			return {
				// What changed, so that a feed reader's list of titles reads as the history.
				title: t('history.feed.item', { date: formatFinnishDate(revision.published), summary }),
				link: absolute(revisionPath(revision)),
				pubDate: isoDateToUtc(revision.published),
				description: `${summary}${effective}`,
				content: `<p>${escapeHtml(summary + effective)}</p><p>${links.join(' · ')}</p>`,
			};
		}),
	});
};
