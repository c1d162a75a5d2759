// Preloaded with `node --require` in tests (it also runs in worker threads, unlike --import in Node 20):
// any attempt to reach the network ends the process loudly with code 99.
const dns = require('node:dns');
const net = require('node:net');
const tls = require('node:tls');
const dgram = require('node:dgram');

function refuse(what) {
  return function () {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    process.exit(99);
  };
}
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
dns.promises.lookup = refuse('dns.promises.lookup');
globalThis.fetch = refuse('fetch');
