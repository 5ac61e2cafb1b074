// Spots text with @gutenye/ocr-node (PP-OCRv4 on ONNX Runtime for Node) for `parrotscope bench ocr --node`.
// Usage: node ocr-node-spot.mjs LIST, LIST holding one image path a line. Prints one JSON line per image,
// {"i": index, "texts": [line texts]}, then {"seconds": wall-clock time of all images after a warm-up on the
// first one (model loading excluded)}. Written next to node_modules by the bench, so the import resolves there.
import fs from 'node:fs/promises';
import Ocr from '@gutenye/ocr-node';

const list = (await fs.readFile(process.argv[2], 'utf8')).split('\n').filter((l) => l.length > 0);
const ocr = await Ocr.create();
if (list.length > 0) {
  await ocr.detect(list[0]);
}
const start = process.hrtime.bigint();
for (let i = 0; i < list.length; i++) {
  const lines = await ocr.detect(list[i]);
  process.stdout.write(JSON.stringify({ i, texts: lines.map((l) => l.text) }) + '\n');
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({ seconds }) + '\n');
