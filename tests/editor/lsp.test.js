// The editor schemas in a real editor engine: yaml-language-server (what VS Code's YAML extension
// runs) driven over stdio by a scripted LSP client, as VS Code drives it. A catalog set up with
// `catalogc init --editor vscode` needs nothing more: the client sends the `yaml.schemas` that
// init wrote to .vscode/settings.json, exactly as VS Code forwards its settings; a second session
// without any settings shows that the modeline of a file written by `catalogc new` is enough.
//   CATALOGC_BIN=target/debug/catalogc node --test tests/editor/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Session, catalog, messages, yamlServer } from './client.js';

/** VS Code's settings for the workspace: what init wrote, under the `yaml` section. */
function vscodeSettings(root) {
  const written = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8'));
  return { yaml: { schemas: written['yaml.schemas'], validate: true, hover: true, completion: true, schemaStore: { enable: false } } };
}


test('with the settings init wrote, every kind of catalog file is validated against its schema', async (t) => {
  const root = catalog();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const session = new Session(yamlServer, root, vscodeSettings(root));
  t.after(() => session.stop());
  await session.start();

  // The files as they would be without catalogc's modelines: here the settings alone decide.
  const bare = (file) => readFileSync(join(root, file), 'utf8').replace(/^# yaml-language-server:.*\n/m, '');

  // Valid files, one of each kind the sample has, get no diagnostics.
  for (const file of ['catalog/catalog.yaml', 'catalog/national/002000112001.yaml', 'catalog/registries/laws.yaml',
    'catalog/registries/certificates.yaml', 'catalog/regions/330000/region.yaml', 'catalog/events/newborn.yaml']) {
    const { received } = session.open(file, bare(file));
    assert.deepEqual(messages(await received), '', file);
  }

  // A region with a level outside the enumeration, a misspelt key and a code written as a number.
  const region = 'code: 330000\nname: 浙江省\nlevel: town\nparnet: "000000"\n';
  const found = await session.open('catalog/regions/330000/region.yaml', region).received;
  const text = messages(found);
  assert.match(text, /^1: .*(string|type)/im, text);
  assert.match(text, /^3: .*(province|enum|allowed)/im, text);
  assert.match(text, /^4: .*(not allowed|parnet)/im, text);

  // The entry written by `catalogc new`, with reviewed still to fill: the schema says so.
  const entry = 'catalog/regions/330000/002000112001.yaml';
  assert.match(readFileSync(join(root, entry), 'utf8'), /^# yaml-language-server:/m);
  const missing = messages(await session.open(entry, bare(entry)).received);
  assert.match(missing, /reviewed/, missing);
  // Filled in, it is valid; a misspelt key is refused.
  const filled = bare(entry).replace(/^# reviewed: .*$/m, 'reviewed: 2026-11-20');
  assert.equal(messages(await session.open(entry, filled).received), '');
  const wrong = messages(await session.open(entry, `${filled}adress: 杭州市\n`).received);
  assert.match(wrong, /adress/, wrong);
});

test('hovering a key shows its Chinese title and description from the schema', async (t) => {
  const root = catalog();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const session = new Session(yamlServer, root, vscodeSettings(root));
  t.after(() => session.stop());
  await session.start();
  const file = 'catalog/regions/330000/region.yaml';
  const { uri, received } = session.open(file);
  await received;
  const line = readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => l.startsWith('level:'));
  const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
  const shown = JSON.stringify(hover?.contents ?? '');
  assert.match(shown, /#### 区划层级/, shown);
  assert.match(shown, /`township`/, shown);
});

test('without any settings, the modeline of a file catalogc wrote is enough', async (t) => {
  const root = catalog();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const session = new Session(yamlServer, root, { yaml: { validate: true, schemaStore: { enable: false } } });
  t.after(() => session.stop());
  await session.start();
  const entry = 'catalog/regions/330000/002000112001.yaml';
  const text = readFileSync(join(root, entry), 'utf8');
  assert.match(text, /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/\.catalogc\/schemas\/entry\.schema\.json$/m);
  const found = messages(await session.open(entry, `${text}departmnt: x\n`).received);
  assert.match(found, /departmnt/, found);
  assert.match(found, /reviewed/, found);
  // A national item copied by init has no modeline and no settings apply: nothing is checked,
  // which shows the diagnostics above come from the modeline.
  const national = messages(await session.open('catalog/national/002000112001.yaml', 'code: 1\nbogus: true\n').received);
  assert.equal(national, '');
});
