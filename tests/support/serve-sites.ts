// Playwright's web server: builds every test site from the checkout as it is, then serves each
// on its port, so that the browser tests never run against a build of older code.
import { buildTestSites } from './build-sites.ts';
import { serve } from './serve.ts';
import { siteOutDir, sitePort, TEST_SITES } from './sites.ts';

buildTestSites();
await Promise.all(TEST_SITES.map((site) => serve(siteOutDir(site.name), sitePort(site))));
console.log(`Serving ${TEST_SITES.length} test sites.`);
