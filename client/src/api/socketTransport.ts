import type { ManagerOptions } from 'socket.io-client';

/**
 * Every socket.io connection of the page opens as a WebSocket straight away. socket.io's default starts with
 * HTTP long-polling and upgrades afterwards: a handshake, a connect and a poll over HTTP, then the WebSocket
 * and its probe — two to three more round trips before the class's events flow (on a school network, 100 ms
 * or more each), and four or five HTTP requests per student for the server to answer at the start of class.
 * Polling would only help where WebSockets are blocked, and there the board (Yjs over a WebSocket) cannot
 * work anyway.
 */
export const SOCKET_TRANSPORT: Pick<ManagerOptions, 'transports'> = { transports: ['websocket'] };
