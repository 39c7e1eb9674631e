import * as cheerio from 'cheerio';

/** Splits text into words the way a reader sees them: any run of white space separates. */
export function words(text: string): string[] {
	return text.split(/\s+/u).filter(Boolean);
}

/**
 * The words of a built revision page's notice text: its title and body, in document order.
 * Line breaks and block boundaries count as white space, as they do for a reader.
 */
export function noticeWords(html: string): string[] {
	const $ = cheerio.load(html);
	const article = $('article.notice');
	article.find('br').replaceWith(' ');
	article.find('h1, h2, h3, p, li').after(' ');
	const title = article.find('h1').first().text();
	const body = article.find('.notice__body').text();
	return words(`${title} ${body}`);
}

/**
 * The words of a revision's MDX source as a reader gets them: front matter title first, then
 * the body with Markdown's structure marks (headings, list markers, link targets, hard breaks)
 * taken away.
 */
export function mdxWords(source: string): string[] {
	const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
	const title = /^title:\s*(.*)$/m.exec(frontmatter)?.[1] ?? '';
	const text = body
		.replace(/^#{1,6}\s+/gm, '')
		.replace(/^\s*[-*]\s+/gm, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\\\n/g, '\n');
	return words(`${title} ${text}`);
}
