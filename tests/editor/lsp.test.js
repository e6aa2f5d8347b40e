// The editor schemas in a real editor engine: yaml-language-server (what VS Code's YAML extension
// runs) driven over stdio by a scripted LSP client, as VS Code drives it. A catalog set up with
// `catalogc init --editor vscode` needs nothing more: the client sends the `yaml.schemas` that
// init wrote to .vscode/settings.json, exactly as VS Code forwards its settings; a second session
// without any settings shows that the modeline of a file written by `catalogc new` is enough.
//   CATALOGC_BIN=target/debug/catalogc node --test tests/editor/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const bin = resolve(repo, process.env.CATALOGC_BIN ?? 'target/debug/catalogc');
const server = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');

/** A catalog root made by catalogc itself: init (national items from the sample), a region, an entry. */
function catalog() {
  const root = mkdtempSync(join(tmpdir(), 'catalogc-editor-'));
  const run = (...args) => execFileSync(bin, args, { cwd: root, encoding: 'utf8' });
  run('init', '--national', repo, '--editor', 'vscode');
  run('new', 'region', '330000', '--name', '浙江省');
  run('new', 'entry', '--region', '330000', '--item', '002000112001', '--department', '浙江省公安厅',
    '--credit-code', '11330000002482219P', '--phone', '0571-87280110');
  return root;
}

/** One yaml-language-server process and the client side of the protocol. */
class Session {
  constructor(root, settings) {
    this.root = root;
    this.settings = settings;
    this.proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.next = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.proc.stdout.on('data', (chunk) => this.receive(chunk));
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.next++;
    this.send({ id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  notify(method, params) {
    this.send({ method, params });
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  handle(message) {
    if (message.id !== undefined && message.method) {
      // A request from the server: VS Code answers workspace/configuration from its settings.
      const result = message.method === 'workspace/configuration'
        ? message.params.items.map((item) => (item.section === 'yaml' ? this.settings.yaml : this.settings[item.section] ?? null))
        : null;
      this.send({ id: message.id, result });
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
      this.waiters = this.waiters.filter((w) => !w(message.params));
    }
  }

  async start() {
    const rootUri = pathToFileURL(this.root).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'catalog' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: {}, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /** Open `relative` with `text` (default: the file's own), or change it to `text` if it is open,
   *  and wait for the diagnostics of that version. */
  open(relative, text) {
    const path = join(this.root, relative);
    const uri = pathToFileURL(path).href;
    const content = text ?? readFileSync(path, 'utf8');
    this.versions ??= new Map();
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const received = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${relative} v${version} in 30 s`)), 30000);
      this.waiters.push((params) => {
        if (params.uri !== uri || (params.version !== undefined && params.version !== version)) return false;
        clearTimeout(timer);
        resolve(params.diagnostics);
        return true;
      });
    });
    if (version === 1) {
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: content } });
    } else {
      this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: content }] });
    }
    return { uri, received };
  }

  async stop() {
    await this.request('shutdown', null);
    this.notify('exit', null);
    this.proc.kill();
  }
}

/** VS Code's settings for the workspace: what init wrote, under the `yaml` section. */
function vscodeSettings(root) {
  const written = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8'));
  return { yaml: { schemas: written['yaml.schemas'], validate: true, hover: true, completion: true, schemaStore: { enable: false } } };
}

const messages = (diagnostics) => diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n');

test('with the settings init wrote, every kind of catalog file is validated against its schema', async (t) => {
  const root = catalog();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const session = new Session(root, vscodeSettings(root));
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
  const session = new Session(root, vscodeSettings(root));
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
  const session = new Session(root, { yaml: { validate: true, schemaStore: { enable: false } } });
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
