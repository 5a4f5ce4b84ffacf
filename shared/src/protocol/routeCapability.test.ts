import { describe, expect, expectTypeOf, it } from 'vitest';
import { ROLES, can } from '../domain/roles.js';
import { mayCall, routeCapability, type CapabilityRouteName } from './routeCapability.js';
import { routes, type RouteSpec } from './routes.js';

describe('what a route needs of its caller', () => {
  it('is the capability the routes table declares for it', () => {
    expect(routeCapability('exportClass')).toBe('class.manage');
    expect(routeCapability('evidencePdf')).toBe('evidence.export');
    expect(routeCapability('exportDiscussionPdf')).toBe('discussion.view');
  });

  it('lets a role call a route exactly when its row of the roles table holds that capability', () => {
    const capabilityRoutes = Object.entries(routes as Record<string, RouteSpec>).flatMap(([name, spec]) =>
      spec.access.kind === 'class' ? [[name as CapabilityRouteName, spec.access.capability] as const] : [],
    );
    expect(capabilityRoutes.length).toBeGreaterThan(0);
    for (const role of ROLES)
      for (const [name, capability] of capabilityRoutes)
        expect(mayCall(role, name)).toBe(can(role, capability));
    expect(mayCall('coach', 'evidencePdf')).toBe(true);
    expect(mayCall('coach', 'exportClass')).toBe(false);
  });

  it('is asked only of routes that declare a capability (a type check, held by tsc)', () => {
    expectTypeOf<'exportClass'>().toExtend<CapabilityRouteName>();
    // a board's route is open to whoever may open the board, by no capability of a role
    expectTypeOf<'exportBoardSvg'>().not.toExtend<CapabilityRouteName>();
    expectTypeOf<'startCoachSession'>().not.toExtend<CapabilityRouteName>(); // the handler decides
  });
});
