// How the browser tests and the benchmark start Debian's Chromium: Playwright cannot download
// its own browsers on our machines (tests/support/ensure-chromium.sh installs this one).

/** The Chromium to run; CHROMIUM_PATH points at another Chromium or Chrome. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless as root, and quiet on a closed network: no background connections it would retry. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
