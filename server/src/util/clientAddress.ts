import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Config } from '../config.js';

/**
 * TRUST_PROXY as express reads it: which hops of X-Forwarded-For to believe. Express (REST), the cluster's
 * router and the Yjs endpoint all use this one function, so a client has the same address on each.
 */
export function trustOf(setting: Config['TRUST_PROXY']): (address: string, hop: number) => boolean {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting.split(',').map((s) => s.trim()));
}

/** The client's address of a request (an upgrade's too), as express's `req.ip` would give it. */
export function clientAddressOf(setting: Config['TRUST_PROXY']): (request: IncomingMessage) => string {
  const trust = trustOf(setting);
  return (request) => proxyaddr(request, trust);
}
