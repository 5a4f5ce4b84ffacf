import express from 'express';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import {
  fail,
  PATH_PARAMS,
  routes,
  invalidMessage,
  toIssues,
  type PathParams,
  type Result,
  type RouteName,
  type RouteOutput,
  type Routes,
  type RouteSpec,
} from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import { authorizeBoard, authorizeClass, type BoardCaller, type ClassCaller } from '../auth/access.js';
import { credentialsOfHeaders, principalOf, refusalReason, type Credentials } from '../auth/credentials.js';
import type { Logger } from '../util/logger.js';
import { sendError } from './validate.js';
import type { RouteBudgets } from './routeBudgets.js';
import { payerOf } from './routeBudgets.js';

const DEFAULT_BODY_LIMIT = '64kb';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Who the adapter found behind a call, by the route's access kind. */
type CallerOf<R extends RouteSpec> = R['access'] extends { kind: 'class' | 'member' }
  ? ClassCaller
  : R['access'] extends { kind: 'board' }
    ? BoardCaller
    : R['access'] extends { kind: 'session' }
      ? { principal: NonNullable<ReturnType<typeof principalOf>> }
      : null;

/** What a handler gets: the parsed request and the caller the route's access admitted. */
export interface RouteCall<R extends RouteSpec> {
  params: PathParams<R['path']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  caller: CallerOf<R>;
  credentials: Credentials;
  /** For what the contract does not carry: the client address, cookies set, download headers. */
  req: Request;
  res: Response;
}

/**
 * A handler answers a Result: the adapter replies with the route's status and the value, or with the error's
 * status and body. A handler that wrote the response itself (a download) answers `sent`.
 */
export type RouteReply<R extends RouteSpec> = Result<RouteOutput<R>> | typeof sent;
export const sent = Symbol('response sent by the handler');

export type RouteHandler<R extends RouteSpec> = (call: RouteCall<R>) => RouteReply<R>;
export type RouteHandlers = { [N in RouteName]: RouteHandler<Routes[N]> };

export interface RouteAdapterDeps {
  classroom: ClassroomService;
  log: Logger;
  /** Check every answer against the route's response schema (tests and development): a drift fails loudly. */
  checkResponses: boolean;
  /**
   * Resolves once everything written so far is durable (PostgreSQL storage; absent for SQLite, whose writes
   * are durable when they return): no answer leaves before what it reports is stored.
   */
  durable?: () => Promise<void>;
  /** The clock route budgets refill by. */
  now: () => number;
  /** Every route's budget per payer (a cluster process's shards share one). */
  budgets: RouteBudgets;
}

/**
 * Mounts every route of the shared table, one way: charge the caller's budget for the route (429 with
 * Retry-After, before the body is read), parse the path, query and body with the route's schemas
 * (400 with the issues), authorize the caller with the route's access (404, 401 with the reason, 403), call
 * the handler, reply. Handlers are written once per route name, so a route missing from the table, or a
 * handler missing for a route, does not compile.
 */
export function mountRoutes(handlers: RouteHandlers, deps: RouteAdapterDeps): Router {
  const router = express.Router();
  const { budgets } = deps;
  for (const name of Object.keys(routes) as RouteName[]) {
    const spec: RouteSpec = routes[name];
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const handler = handlers[name] as RouteHandler<RouteSpec>;
    const charge = (req: Request, res: Response, next: () => void) => {
      const refused = budgets.take(name, spec.budget, payerOf(req, deps.classroom));
      if (!refused) return next();
      res.set('Retry-After', String(refused.retryAfterSeconds));
      sendError(res, 'rate_limited', refused.message);
    };
    const middleware = [
      charge,
      ...(spec.body ? [express.json({ limit: spec.bodyLimit ?? DEFAULT_BODY_LIMIT })] : []),
    ];
    router[method](`${spec.path}`, ...middleware, (req: Request, res: Response) => {
      const respond = () => {
        const reply = handle(name, spec, handler, req, res, deps);
        if (reply === sent || res.headersSent) return;
        if (!deps.durable) return answer(name, spec, reply, res, deps);
        deps.durable().then(
          () => answer(name, spec, reply, res, deps),
          (err: Error) => {
            deps.log.error('storage did not confirm a write', { route: name, error: err.message });
            sendError(res, 'unavailable', 'storage did not confirm the change: try again shortly');
          },
        );
      };
      // A write waits for storage to be there first: while it is out of reach, writes are refused unread.
      if (!deps.durable || spec.method === 'GET') return respond();
      deps
        .durable()
        .then(respond, () =>
          sendError(res, 'unavailable', 'storage is unavailable: nothing was changed, try again shortly'),
        );
    });
  }
  return router;
}

function answer(
  name: RouteName,
  spec: RouteSpec,
  reply: Result<unknown>,
  res: Response,
  deps: RouteAdapterDeps,
): void {
  if (!reply.ok) return sendError(res, reply.error.code, reply.error.message, reply.error.issues);
  if (spec.status === 204) return void res.status(204).end();
  if (deps.checkResponses && spec.response) {
    const checked = spec.response.safeParse(reply.value);
    if (!checked.success) {
      deps.log.error('a route answered outside its contract', {
        route: name,
        issues: checked.error.issues,
      });
      return sendError(res, 'internal', `${name} answered outside its contract`, toIssues(checked.error));
    }
  }
  res.status(spec.status).json(reply.value);
}

function handle(
  name: RouteName,
  spec: RouteSpec,
  handler: RouteHandler<RouteSpec>,
  req: Request,
  res: Response,
  deps: RouteAdapterDeps,
): RouteReply<RouteSpec> {
  const params: Record<string, string> = {};
  for (const [key, raw] of Object.entries(req.params as Record<string, string>)) {
    const parsed = PATH_PARAMS[key as keyof typeof PATH_PARAMS].safeParse(raw);
    // An id that cannot exist is answered like one that does not.
    if (!parsed.success) return fail('not_found', `no such ${key.replace(/Id$/, '')}`);
    params[key] = parsed.data;
  }
  const query = parsePart(spec.query, req.query, 'query');
  if (query && !query.ok) return query;
  const body = parsePart(spec.body, req.body ?? {}, 'body');
  if (body && !body.ok) return body;

  const credentials = credentialsOfHeaders(req.headers);
  const caller = admit(spec, params, credentials, deps.classroom);
  if (!caller.ok) {
    if (caller.error.code === 'forbidden')
      deps.log.info('refused an action the role may not take', { route: name, reason: caller.error.message });
    return caller;
  }
  return handler({
    params: params as never,
    query: query?.value as never,
    body: body?.value as never,
    caller: caller.value as never,
    credentials,
    req,
    res,
  });
}

function parsePart(schema: z.ZodType | undefined, value: unknown, what: string): Result<unknown> | null {
  if (!schema) return null;
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = toIssues(parsed.error);
  return fail('bad_request', invalidMessage(what, issues), issues);
}

function admit(
  spec: RouteSpec,
  params: Record<string, string>,
  creds: Credentials,
  classroom: ClassroomService,
): Result<unknown> {
  const access = spec.access;
  switch (access.kind) {
    case 'public':
    case 'handler':
      return { ok: true, value: null };
    case 'session': {
      const principal = principalOf(classroom, creds);
      return principal
        ? { ok: true, value: { principal } }
        : fail('unauthorized', refusalReason(classroom, creds));
    }
    case 'member':
      return authorizeClass(classroom, creds, params.classId, null);
    case 'class':
      return authorizeClass(classroom, creds, params.classId, access.capability);
    case 'board':
      return authorizeBoard(classroom, creds, params.boardId as string, true);
  }
}
