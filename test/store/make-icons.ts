// Every icon from one source image, store/icon.svg, rasterised by Debian's Chromium (no image library):
//   public/icon/<size>.png          the extension's icons (WXT lists public/icon/<size>.png in the manifest)
//   store/images/icon-128.png       the Chrome Web Store icon: 96 px of artwork, 16 px transparent padding
//   store/images/promo-440x280.png  the Chrome Web Store small promo tile
// Run: `npm run icons`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SOURCE = resolve('store/icon.svg');
const EXTENSION_SIZES = [16, 32, 48, 96, 128];

const svg = readFileSync(SOURCE, 'utf8');
const dataUri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });

  async function render(file: string, width: number, height: number, body: string): Promise<void> {
    await page.setViewportSize({ width, height });
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;width:${width}px;height:${height}px;overflow:hidden;background:transparent}</style></head><body>${body}</body></html>`,
    );
    await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width, height } });
    console.log(`${file} (${width}x${height})`);
  }

  const iconDir = resolve('public/icon');
  mkdirSync(iconDir, { recursive: true });
  for (const size of EXTENSION_SIZES) {
    await render(
      join(iconDir, `${size}.png`),
      size,
      size,
      `<img src="${dataUri}" width="${size}" height="${size}" style="display:block">`,
    );
  }

  const storeDir = resolve('store/images');
  mkdirSync(storeDir, { recursive: true });
  await render(
    join(storeDir, 'icon-128.png'),
    128,
    128,
    `<img src="${dataUri}" width="96" height="96" style="display:block;margin:16px">`,
  );
  await render(
    join(storeDir, 'promo-440x280.png'),
    440,
    280,
    `<div style="box-sizing:border-box;width:440px;height:280px;background:#E9F2FF;display:flex;align-items:center;gap:24px;padding:0 36px;font-family:'Noto Sans','DejaVu Sans',sans-serif;color:#172B4D">
       <img src="${dataUri}" width="128" height="128" style="flex:none">
       <div><div style="font-size:52px;font-weight:700;color:#0C66E4;line-height:1">Baton</div>
       <div style="font-size:19px;line-height:1.3;margin-top:12px">Complete ticket handoffs in Jira, Zendesk and Trello</div></div>
     </div>`,
  );
} finally {
  await browser.close();
}
