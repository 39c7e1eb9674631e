import { describe, expect, it } from 'vitest';
import { diffBlocks, foldDiff, type DiffSegment, type DocBlock } from '../../src/lib/diff/diff.ts';
import { checkFolderOnDisk } from '../../src/lib/notice/folder-node.ts';
import { testSite } from '../support/sites.ts';

const scenarios = testSite('scenarios');
import { sectionHistory, type SectionSource } from '../../src/lib/notice/sections.ts';

/** The section history of a list of revisions, with the diffs the change pages show. */
function historyOf(revisions: SectionSource[]) {
	const segments = (index: number): DiffSegment[] =>
		index === 0 ? [] : foldDiff(diffBlocks(revisions[index - 1]!.blocks, revisions[index]!.blocks));
	return { history: sectionHistory(revisions, segments), segments };
}

const fixture: SectionSource[] = checkFolderOnDisk(scenarios.contentDir, { buildDate: scenarios.buildDate }).revisions;
const { history, segments } = historyOf(fixture);
const at = (published: string) => fixture.findIndex((revision) => revision.published === published);
const lines = (published: string) =>
	history
		.sectionsOf(at(published))
		.map(
			({ title, lastChanged }) =>
				`${title}: ${lastChanged ? `${lastChanged.published}#${lastChanged.change}` : 'ennallaan'}`,
		);

describe('each section says which change last touched it (scenarios fixture)', () => {
	it('the first revision: every section as first published', () => {
		expect(lines('2018-03-11').every((line) => line.endsWith(': ennallaan'))).toBe(true);
	});

	it.each([
		[
			'2024-02-15',
			[
				// A paragraph moved out of it in 2021-06-01 (change 1 there).
				'Rekisterinpitäjä: 2021-06-01#1',
				// A list item moved to its top and edited (change 2), its old place change 3.
				'Miksi käsittelemme tietoja: 2021-06-01#2',
				'Mitä tietoja keräämme: ennallaan',
				// One table cell.
				'Säilytysajat: 2024-02-15#1',
				// Only a link's address.
				'Tietojen luovuttaminen: 2019-05-01#1',
				// Added, with the paragraph moved into it.
				'Yhteystiedot: 2021-06-01#4',
			],
		],
		[
			'2026-11-20',
			[
				'Rekisterinpitäjä: 2021-06-01#1',
				'Miksi käsittelemme tietoja: 2021-06-01#2',
				'Mitä tietoja keräämme: 2026-11-20#1',
				'Säilytysajat: 2024-02-15#1',
				'Tietojen luovuttaminen: 2019-05-01#1',
				'Yhteystiedot: 2021-06-01#4',
			],
		],
	])('%s', (published, expected) => {
		expect(lines(published)).toEqual(expected);
	});

	it("every link points at a change that lies in its section, on that revision's change page", () => {
		let checked = 0;
		fixture.forEach((_, index) => {
			for (const { title, lastChanged } of history.sectionsOf(index)) {
				if (!lastChanged) continue;
				const change = segments(at(lastChanged.published)).find(
					(segment) => segment.type === 'change' && segment.index === lastChanged.change,
				);
				expect(change, `${title} → ${lastChanged.published}#${lastChanged.change}`).toBeDefined();
				expect(sectionOfChange(segments(at(lastChanged.published)), lastChanged.change)).toContain(title);
				checked += 1;
			}
		});
		// 1 + 4 + 5 + 6 sections changed since the first version, in revisions two to five.
		expect(checked).toBe(16);
	});

	it('lists what each revision changed, each with its first change', () => {
		expect(
			fixture.map((_, index) =>
				history.changedPartsOf(index).map((part) => `${part.kind}:${part.title ?? ''}#${part.change}`),
			),
		).toEqual([
			[],
			['section:Tietojen luovuttaminen#1'],
			['section:Rekisterinpitäjä#1', 'section:Miksi käsittelemme tietoja#2', 'section:Yhteystiedot#4'],
			['section:Säilytysajat#1'],
			['section:Mitä tietoja keräämme#1'],
		]);
	});
});

/** The `##` sections (new side) that the rows of one numbered change sit in. */
function sectionOfChange(folded: readonly DiffSegment[], index: number): string[] {
	const found = new Set<string>();
	let section = '';
	for (const segment of folded) {
		for (const row of segment.rows) {
			const leaves = row.op === 'removed' || (row.op === 'moved' && row.side === 'from');
			if (row.block.kind === 'heading' && row.block.depth === 2 && !leaves) section = row.block.text;
			if (segment.type === 'change' && segment.index === index) found.add(section);
		}
	}
	return [...found];
}

const title = (text: string): DocBlock => ({ kind: 'heading', depth: 1, text });
const h = (text: string): DocBlock => ({ kind: 'heading', depth: 2, text });
const p = (text: string): DocBlock => ({ kind: 'paragraph', text });
const parts = (...versions: DocBlock[][]) => {
	const { history: of } = historyOf(versions.map((blocks, index) => ({ published: `202${index}-01-01`, blocks })));
	return of.changedPartsOf(versions.length - 1).map((part) => `${part.kind}:${part.title ?? ''}#${part.change}`);
};
const last = (...versions: DocBlock[][]) => {
	const { history: of } = historyOf(versions.map((blocks, index) => ({ published: `202${index}-01-01`, blocks })));
	return of
		.sectionsOf(versions.length - 1)
		.map(
			({ title: name, lastChanged }) =>
				`${name}: ${lastChanged ? `${lastChanged.published}#${lastChanged.change}` : 'ennallaan'}`,
		);
};

describe('sections across edits', () => {
	const base = [title('T'), p('johdanto'), h('A'), p('a'), h('B'), p('b b b'), h('C'), p('c')];
	it.each([
		[
			'a section renamed',
			[title('T'), p('johdanto'), h('A'), p('a'), h('B ja D'), p('b b b'), h('C'), p('c')],
			['section:B ja D#1'],
		],
		// A heading with no word in common is a new section in place of the old.
		[
			'a section renamed outright',
			[title('T'), p('johdanto'), h('A'), p('a'), h('E'), p('b b b'), h('C'), p('c')],
			['removed:B#1', 'section:E#1'],
		],
		[
			'a changed title and intro',
			[title('Uusi'), p('uusi johdanto'), h('A'), p('a'), h('B'), p('b b b'), h('C'), p('c')],
			['title:#1', 'intro:#1'],
		],
		['a removed section', [title('T'), p('johdanto'), h('A'), p('a'), h('C'), p('c')], ['removed:B#1']],
		// Its paragraph kept, its heading gone: the text now reads as part of the section before.
		[
			'a heading removed, its text kept',
			[title('T'), p('johdanto'), h('A'), p('a'), p('b b b'), h('C'), p('c')],
			['removed:B#1', 'section:A#1'],
		],
		['an added section', [...base, h('D'), p('d')], ['section:D#1']],
	])('%s', (_, after, expected) => {
		expect(parts(base, after)).toEqual(expected);
	});

	it('a section moved whole keeps its own history, and the move counts as its change', () => {
		const edited = [title('T'), p('johdanto'), h('A'), p('a'), h('B'), p('b b b x'), h('C'), p('c')];
		const moved = [title('T'), p('johdanto'), h('A'), p('a'), h('C'), p('c'), h('B'), p('b b b x')];
		const touched = [...moved.slice(0, 5), p('c c'), ...moved.slice(6)];
		expect(last(base, edited)).toEqual(['A: ennallaan', 'B: 2021-01-01#1', 'C: ennallaan']);
		// B left from between A and C (change 1) for the end (change 2); A and C read as they did.
		expect(last(base, edited, moved)).toEqual(['A: ennallaan', 'C: ennallaan', 'B: 2022-01-01#2']);
		// A later edit elsewhere leaves the moved section's history at the move.
		expect(last(base, edited, moved, touched)).toEqual(['A: ennallaan', 'C: 2023-01-01#1', 'B: 2022-01-01#2']);
	});

	it('an untouched section reaches back through every revision to the first', () => {
		const versions = [base, ...Array.from({ length: 5 }, (_, n) => [...base.slice(0, 7), p(`c ${n}`)])];
		expect(last(...versions)).toEqual(['A: ennallaan', 'B: ennallaan', 'C: 2025-01-01#1']);
	});
});
