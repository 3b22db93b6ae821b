// The bare-Node ceiling: node:http answering every request with one fixed small JSON body, after
// reading the request body (so it receives the same bytes as the real server).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveInChild } from './bench-child.js';

const BODY = Buffer.from(JSON.stringify({ revisionToken: 'AAAA', insertedExposures: 14, warnings: [] }));

const server = createServer((request, response) => {
  request.on('data', () => {});
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
    response.end(BODY);
  });
});
server.listen(0, '127.0.0.1', () => {
  serveInChild(
    (server.address() as AddressInfo).port,
    () => new Promise((resolve) => server.close(() => resolve())),
  );
});
