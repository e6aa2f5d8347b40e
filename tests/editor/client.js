// A scripted LSP client over stdio, as an editor drives a language server, and a catalog made by
// catalogc itself to drive it against. Used by lsp.test.js (yaml-language-server) and
// catalogc-lsp.test.js (`catalogc lsp`).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const bin = resolve(repo, process.env.CATALOGC_BIN ?? 'target/debug/catalogc');
export const yamlServer = [process.execPath, createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'];

/** A catalog root made by catalogc itself: init (national items from the sample), a region, an entry. */
export function catalog() {
  const root = mkdtempSync(join(tmpdir(), 'catalogc-editor-'));
  const run = (...args) => execFileSync(bin, args, { cwd: root, encoding: 'utf8' });
  run('init', '--national', repo, '--editor', 'vscode');
  run('new', 'region', '330000', '--name', '浙江省');
  run('new', 'entry', '--region', '330000', '--item', '002000112001', '--department', '浙江省公安厅',
    '--credit-code', '11330000002482219P', '--phone', '0571-87280110');
  return root;
}

/** One language server process and the client side of the protocol. */
export class Session {
  /** `command`: the server's command line, program first. */
  constructor(command, root, settings) {
    this.root = root;
    this.settings = settings;
    const [program, ...args] = command;
    this.proc = spawn(program, args, { stdio: ['pipe', 'pipe', 'inherit'] });
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

export const messages = (diagnostics) => diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n');
