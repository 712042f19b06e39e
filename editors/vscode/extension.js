// Starts `claimlint lsp --stdio` for Markdown and plain-text documents and
// hands it to VS Code's language client: diagnostics, hovers and quick fixes
// come from the server; this file only says how to start it.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const settings = vscode.workspace.getConfiguration('claimlint');
  const server = {
    command: settings.get('path') || 'claimlint',
    args: ['lsp', '--stdio'],
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: { debounceMs: settings.get('debounceMs') },
  };
  client = new LanguageClient('claimlint', 'claimlint', server, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
