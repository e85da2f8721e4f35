// Renders each <bpmn-folder>/*.bpmn to <out-folder>/<name>.png with bpmn-js's NavigatedViewer in
// Debian's headless Chromium (puppeteer-core never downloads a browser of its own).
//
//   node docs/render/render.mjs [bpmn-folder] [out-folder]     (defaults: bpmn docs/bpmn)
//
// CHROMIUM overrides the browser (default /usr/bin/chromium); SCALE the device scale factor (1.5).

import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const dist = (file) => require.resolve(`bpmn-js/dist/${file}`);

const [bpmnDir = 'bpmn', outDir = 'docs/bpmn'] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const deviceScaleFactor = Number(process.env.SCALE || 1.5);

// White space around the diagram's bounds, in diagram pixels.
const MARGIN = 30;

// The viewer keeps its bpmn.io watermark in the bottom right corner of the page; the page is this
// much taller than the diagram and the screenshot stops above it (as bpmn-io's bpmn-to-image does).
const WATERMARK_ROOM = 120;

// A horizontal or vertical band this wide with nothing in it is reported: usually elements
// left where something above or beside them was removed.
const EMPTY_BAND = 150;

const files = readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn')).sort();
if (!files.length) {
	console.error(`no .bpmn files in ${resolve(bpmnDir)}`);
	process.exit(1);
}
mkdirSync(outDir, { recursive: true });

const browser = await puppeteer.launch({
	executablePath,
	headless: true,
	// root in a container: Chromium's own sandbox cannot start there.
	args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none']
});

let failed = 0;
try {
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));

	for (const file of files) {
		const name = basename(file, '.bpmn');
		const out = join(outDir, `${name}.png`);
		try {
			const result = await render(page, readFileSync(join(bpmnDir, file), 'utf8'));
			await page.screenshot({
				path: out,
				clip: { x: 0, y: 0, width: result.width, height: result.height }
			});
			console.log(`${out}  ${result.width}x${result.height} (x${deviceScaleFactor})`);
			for (const w of result.warnings) console.log(`  warning: ${w}`);
			for (const n of result.notes) console.log(`  check: ${n}`);
		} catch (e) {
			failed++;
			console.error(`${file}: ${e.message}`);
		}
	}
} finally {
	await browser.close();
}
process.exit(failed ? 1 : 0);

async function render(page, xml) {
	// Fresh content per diagram, so one diagram never shapes the next.
	await page.setViewport({ width: 800, height: 600, deviceScaleFactor });
	await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>
		html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
		#canvas { position: absolute; inset: 0; background: #fff; }
	</style></head><body><div id="canvas"></div></body></html>`);
	await page.addStyleTag({ path: dist('assets/diagram-js.css') });
	await page.addStyleTag({ path: dist('assets/bpmn-js.css') });
	await page.addScriptTag({ path: dist('bpmn-navigated-viewer.production.min.js') });

	await page.addScriptTag({ path: fileURLToPath(new URL('layout-check.js', import.meta.url)) });

	const opened = await page.evaluate(async (xml, band) => {
		window.viewer = new BpmnJS({ container: '#canvas' });
		const { warnings } = await window.viewer.importXML(xml);
		const inner = window.viewer.get('canvas').viewbox().inner;
		return { inner, warnings: warnings.map((w) => w.message), notes: layoutNotes(window.viewer, band) };
	}, xml, EMPTY_BAND);

	const width = Math.ceil(opened.inner.width + 2 * MARGIN);
	const height = Math.ceil(opened.inner.height + 2 * MARGIN);
	await page.setViewport({ width, height: height + WATERMARK_ROOM, deviceScaleFactor });

	// Scale 1: a diagram pixel is a page pixel, so text stays as readable as in the Modeler.
	await page.evaluate((box) => {
		const canvas = window.viewer.get('canvas');
		canvas.resized();
		canvas.viewbox(box);
	}, { x: opened.inner.x - MARGIN, y: opened.inner.y - MARGIN, width, height: height + WATERMARK_ROOM });

	return { width, height, warnings: opened.warnings, notes: opened.notes };
}
