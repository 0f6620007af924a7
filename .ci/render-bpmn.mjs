// Renders every model under bpmn/ to docs/<process>.svg with bpmn-js in headless Chromium, so the
// README shows what is deployed. Run after editing a model: cd .ci && npm run render:bpmn
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const viewer = await readFile(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const css = await readFile(require.resolve('bpmn-js/dist/assets/bpmn-js.css'), 'utf8');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  await page.setContent(`<html><head><style>${css}</style></head><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>`);
  await page.addScriptTag({ content: viewer });
  await mkdir(path.join(root, 'docs'), { recursive: true });
  const files = (await readdir(path.join(root, 'bpmn'))).filter((f) => f.endsWith('.bpmn')).sort();
  for (const file of files) {
    const xml = await readFile(path.join(root, 'bpmn', file), 'utf8');
    const svg = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const viewer = new window.BpmnJS({ container });
      await viewer.importXML(xml);
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return svg;
    }, xml);
    const out = path.join('docs', file.replace(/\.bpmn$/, '.svg'));
    await writeFile(path.join(root, out), svg + '\n');
    console.log(`bpmn/${file} -> ${out}`);
  }
} finally {
  await browser.close();
}
