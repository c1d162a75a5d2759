// Preloaded with `node --import` in tests: any attempt to reach the network ends the process loudly.
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import dgram from 'node:dgram';

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
