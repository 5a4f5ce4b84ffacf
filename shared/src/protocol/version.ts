/**
 * Bumped whenever a schema in this folder changes incompatibly. A socket.io client sends it in its handshake
 * (`auth.protocolVersion`); the server refuses a mismatch with `protocol_mismatch` so a stale tab reloads
 * instead of sending events the server no longer understands.
 */
export const PROTOCOL_VERSION = 1;
