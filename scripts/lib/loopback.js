'use strict';
// Ports and HTTP polling on 127.0.0.1, shared by start.js and run-vscode-tests.js.
const http = require('http');
const net = require('net');

function portFree(port) {
  return new Promise((res) => {
    const s = net.createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

/** Resolves once `url` answers at all, rejects after `ms`. */
function waitHttp(url, ms) {
  const end = Date.now() + ms;
  return new Promise((res, rej) => {
    const tryOnce = () => {
      http.get(url, (r) => { r.resume(); res(); }).on('error', () => {
        if (Date.now() > end) { rej(new Error(`code-server did not answer at ${url}`)); } else { setTimeout(tryOnce, 200); }
      });
    };
    tryOnce();
  });
}

module.exports = { portFree, freePort, waitHttp };
