// `catalogc lsp` driven by the scripted LSP client: catalogc's own findings (the rules and the
// conformance policy, not only the schema) on the editor's unsaved text, as it is typed.
//   CATALOGC_BIN=target/debug/catalogc node --test tests/editor/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Session, bin, catalog, messages } from './client.js';

const entry = 'catalog/regions/330000/002000112001.yaml';

async function session(t) {
  const root = catalog();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const server = new Session([bin, 'lsp'], root, {});
  t.after(() => server.stop());
  await server.start();
  return { root, server };
}

test('the rules and the conformance policy judge the unsaved text, and a fix clears them', async (t) => {
  const { root, server } = await session(t);
  const saved = readFileSync(join(root, entry), 'utf8').replace(/^# reviewed: .*$/m, 'reviewed: 2026-11-20');
  // As catalogc new wrote it, with reviewed filled in: nothing to say.
  assert.equal(messages(await server.open(entry, saved).received), '');

  // A material line deleted instead of omitted (CAT210), and a promised limit longer than the
  // statutory one: rules the schema cannot express, reported at their lines.
  const edited = saved
    .replace(/^ {2}- \{ref: study-proof\}.*\n/m, '')
    .replace(/^# committed_limit:.*$/m, 'committed_limit: {days: 90, unit: working_day}');
  const found = await server.open(entry, edited).received;
  const codes = found.map((d) => d.code).sort();
  assert.ok(codes.includes('CAT210'), messages(found));
  const limit = found.find((d) => /committed|承诺|limit|时限/i.test(d.message) && d.code !== 'CAT210');
  assert.ok(limit, messages(found));
  const limitLine = edited.split('\n').findIndex((l) => l.startsWith('committed_limit:'));
  assert.equal(limit.range.start.line, limitLine, messages(found));
  assert.ok(found.every((d) => d.source === 'catalogc'));
  // The national standard's line is related information, in the national item's file.
  const omitted = found.find((d) => d.code === 'CAT210');
  assert.ok(omitted.relatedInformation.some((r) => r.location.uri.endsWith('catalog/national/002000112001.yaml')),
    JSON.stringify(omitted));

  // Put right in the editor (never saved): the findings are gone.
  assert.equal(messages(await server.open(entry, saved).received), '');
  // The file on disk was never touched.
  assert.doesNotMatch(readFileSync(join(root, entry), 'utf8'), /^reviewed: 2026/m);
});

test('columns count UTF-16 code units, as LSP positions do, after Chinese text', async (t) => {
  const { root, server } = await session(t);
  const saved = readFileSync(join(root, entry), 'utf8').replace(/^# reviewed: .*$/m, 'reviewed: 2026-11-20');
  // An unknown key after a Chinese value on the line before, and a misspelt key in a flow
  // mapping after Chinese text: the range starts at the key.
  const text = saved.replace(/^department:.*$/m, 'department:   # 实施主体').replace(/^ {2}name: (.*)$/m, '  name: $1\n  nmae: 杭州')
  const found = await server.open(entry, text).received;
  const unknown = found.find((d) => /nmae/.test(d.message));
  assert.ok(unknown, messages(found));
  const line = text.split('\n').findIndex((l) => l.startsWith('  nmae:'));
  assert.deepEqual(unknown.range.start, { line, character: 2 }, JSON.stringify(unknown));
  const flow = saved.replace(/^contact: \{phone: (".*?"), /m, 'contact: {电话: "x", phone: $1, ');
  const flowFound = await server.open(entry, flow).received;
  const key = flowFound.find((d) => /电话/.test(d.message));
  assert.ok(key, messages(flowFound));
  const flowLine = flow.split('\n').findIndex((l) => l.startsWith('contact:'));
  assert.deepEqual(key.range.start, { line: flowLine, character: 'contact: {'.length }, JSON.stringify(key));
  assert.equal(key.range.end.character, 'contact: {电话'.length, JSON.stringify(key));
});
