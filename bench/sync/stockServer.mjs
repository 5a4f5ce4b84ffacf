// The stock baseline: @y/websocket-server 0.1.1 as its README runs it, in memory, no auth, no persistence.
// Plain JavaScript on purpose: it runs under bare `node`, as our built server does, so neither process
// carries a TypeScript loader in its CPU or memory figures.
import http from 'node:http';
import process from 'node:process';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

// y-leveldb turns itself on from this variable; the baseline must stay in memory.
if (process.env.YPERSISTENCE) {
  process.stderr.write('stockServer: unset YPERSISTENCE (the baseline runs without persistence)\n');
  process.exit(1);
}

const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  socket.on('error', () => socket.destroy());
  wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', () => {});
    // The room is the URL path, as in the stock server.
    setupWSConnection(ws, request);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`stock listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
