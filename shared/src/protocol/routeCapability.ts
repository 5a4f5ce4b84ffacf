import { can, type Capability, type Role } from '../domain/roles.js';
import { routes, type RouteName, type Routes } from './routes.js';

/** The routes a class's member may call when their role has the capability the route declares. */
export type CapabilityRouteName = {
  [K in RouteName]: Routes[K]['access'] extends { kind: 'class' } ? K : never;
}[RouteName];

/** The capability a route declares in the routes table: what the server's adapter checks with `can()`. */
export function routeCapability(name: CapabilityRouteName): Capability {
  return routes[name].access.capability;
}

/**
 * Whether a role may call a route, read from the route's own declaration: a control offering the route is
 * shown by the same rule the server refuses by, never by a capability restated beside it.
 */
export function mayCall(role: Role, name: CapabilityRouteName): boolean {
  return can(role, routeCapability(name));
}
