import { ok, rankAlerts } from '@conjecture/shared';
import type { MonitoringService } from '../anticipation/monitoringService.js';
import type { AlertsOf } from '../anticipation/wireMonitoring.js';
import { sent, type RouteHandlers } from './routeAdapter.js';

type AnticipationRoutes =
  | 'listAnticipations'
  | 'addAnticipation'
  | 'replaceAnticipation'
  | 'deleteAnticipation'
  | 'monitoring'
  | 'setMatchVerdict'
  | 'matchLabels'
  | 'alerts';

/** Anticipations (teacher only), the monitoring chart and its verdicts, the labels export and the alerts. */
export function anticipationHandlers({
  monitoring,
  alertsOf,
  now,
}: {
  monitoring: MonitoringService;
  alertsOf: AlertsOf;
  now: () => number;
}): Pick<RouteHandlers, AnticipationRoutes> {
  return {
    listAnticipations: ({ caller }) => ok(monitoring.anticipations(caller.classId)),
    addAnticipation: ({ caller, body }) => ok(monitoring.addAnticipation(caller.classId, body)),
    replaceAnticipation: ({ caller, params, body }) =>
      monitoring.replaceAnticipation(caller.classId, params.anticipationId, body),
    deleteAnticipation: ({ caller, params }) => {
      const removed = monitoring.removeAnticipation(caller.classId, params.anticipationId);
      return removed.ok ? ok(undefined) : removed;
    },
    monitoring: ({ caller }) => ok(monitoring.state(caller.classId)),
    setMatchVerdict: ({ caller, params, body }) => {
      const set = monitoring.setVerdict(caller.classId, params.groupId, params.anticipationId, body.verdict);
      return set.ok ? ok(monitoring.state(caller.classId)) : set;
    },
    matchLabels: ({ caller, res }) => {
      res
        .type('application/x-ndjson')
        .set('Content-Disposition', `attachment; filename="anticipation-labels-${caller.classId}.jsonl"`)
        .send(monitoring.exportLabels(caller.classId));
      return sent;
    },
    alerts: ({ caller }) => ok(rankAlerts(alertsOf(caller.classId), now())),
  };
}
