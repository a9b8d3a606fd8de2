/**
 * buildApp(deps): every plugin and route, with no listening socket, so tests
 * build the same app and drive it through `inject`.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { allianceRoutes } from './modules/alliance/alliance.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { beatsRoutes } from './modules/beats/beats.routes.js';
import { benchRoutes } from './modules/bench/bench.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { registerCalendarJobs } from './modules/calendar/jobs.js';
import { checksRoutes } from './modules/checks/checks.routes.js';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes.js';
import { registerDashboardJobs } from './modules/dashboards/jobs.js';
import { disputeRoutes } from './modules/disputes/disputes.routes.js';
import { registerFollowUpJobs } from './modules/disputes/follow-up-jobs.js';
import { SATISFACTION_SUBJECT, satisfactionAnswered } from './modules/disputes/follow-ups.js';
import { registerSessionJobs } from './modules/disputes/session-jobs.js';
import { doorplateRoutes } from './modules/doorplates/doorplates.routes.js';
import { evaluationRoutes } from './modules/evaluations/evaluations.routes.js';
import { onSubjectAnswered } from './modules/evaluations/evaluations.service.js';
import { figuresRoutes } from './modules/evaluations/figures.routes.js';
import { flaggedRoutes } from './modules/evaluations/flagged.routes.js';
import { registerEvaluationJobs } from './modules/evaluations/jobs.js';
import { reviewRoutes } from './modules/evaluations/reviews.routes.js';
import { fraudRoutes } from './modules/fraud/fraud.routes.js';
import { registerFraudJobs } from './modules/fraud/jobs.js';
import { fraudUpstreamApiRoutes } from './modules/fraud/upstream.routes.js';
import { hazardRoutes } from './modules/hazards/hazards.routes.js';
import { registerHazardJobs } from './modules/hazards/jobs.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { liveRoutes } from './modules/live/live.routes.js';
import { matterAnswered } from './modules/matters/evaluation.js';
import { registerMatterJobs } from './modules/matters/jobs.js';
import { matterRoutes } from './modules/matters/matters.routes.js';
import { residentRoutes } from './modules/matters/resident.routes.js';
import { mediaFileRoutes } from './modules/media/files.routes.js';
import { meetingRoutes } from './modules/meetings/meetings.routes.js';
import { initNotifyCursor } from './modules/notify/deliver.js';
import { registerNotifyJobs } from './modules/notify/jobs.js';
import { notifyRoutes } from './modules/notify/notify.routes.js';
import { dutiesRoutes } from './modules/org/duties.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { patrolRoutes } from './modules/patrols/patrols.routes.js';
import { policyRoutes } from './modules/policies/policies.routes.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { publicRoutes } from './modules/public/public.routes.js';
import { publicFiguresRoutes } from './modules/public-figures/public-figures.routes.js';
import { receptionRoutes } from './modules/receptions/receptions.routes.js';
import { registerReportJobs } from './modules/reports/jobs.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { phoneRoutes } from './modules/residents/phone.routes.js';
import { responsibilityRoutes } from './modules/responsibility/responsibility.routes.js';
import { roomItemsRoutes } from './modules/rooms/items.routes.js';
import { registerRoomJobs } from './modules/rooms/jobs.js';
import { roomPublicRoutes } from './modules/rooms/public.routes.js';
import { roomReportsRoutes } from './modules/rooms/reports.routes.js';
import { roomRoutes } from './modules/rooms/rooms.routes.js';
import { roomTopicsRoutes } from './modules/rooms/topics.routes.js';
import { roomWorkRoutes } from './modules/rooms/work.routes.js';
import { scopeRoutes } from './modules/scope/scope.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { visitRoutes } from './modules/visits/visits.routes.js';
import { registerWarningJobs } from './modules/warnings/jobs.js';
import { warningPublicRoutes } from './modules/warnings/public.routes.js';
import { warningReceiptRoutes } from './modules/warnings/receipts.routes.js';
import { warningSubscriptionRoutes } from './modules/warnings/subscriptions.routes.js';
import { warningRoutes } from './modules/warnings/warnings.routes.js';
import { Sealer } from './platform/audit-seal.js';
import type { AppDeps } from './platform/context.js';
import { EventHub } from './platform/events.js';
import { installErrorHandling, sendError } from './platform/http.js';
import { JobRegistry } from './platform/jobs.js';
import { installOpenApi } from './platform/openapi.js';
import { installSessions } from './platform/session.js';

export async function buildApp(deps: AppDeps, loggerInstance?: FastifyBaseLogger) {
  const { http } = deps.config;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    trustProxy: http.trustProxy,
    bodyLimit: http.bodyLimit,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    return503OnClosing: true,
    // Live streams never end by themselves: cut them at shutdown; browsers reconnect to another process.
    forceCloseConnections: true,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = http.headersTimeoutMs;
  // A matter's evaluation answered through the generic link rates the matter (its module owns the subject).
  onSubjectAnswered('matter', matterAnswered);
  // A dispute party's satisfaction asked through a link takes the answer's verdict.
  onSubjectAnswered(SATISFACTION_SUBJECT, satisfactionAnswered);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: deps.config.security.cookieSecure ? [] : null,
      },
    },
    hsts: deps.config.security.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(multipart, {
    limits: { fileSize: 5 * 1024 * 1024, files: 1, parts: 10, fields: 5, headerPairs: 100 },
  });
  await installOpenApi(app as unknown as FastifyInstance);
  // The browsable docs describe the public contract; they need no session.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  // Imported as the docs are registered, not with this module: what only imports app.ts never loads swagger-ui.
  await app.register(async (docs) => {
    const { default: swaggerUi } = await import('@fastify/swagger-ui');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  // One hub per process: it listens for NOTIFY and feeds this process's live connections.
  const hub = new EventHub(deps.database, app.log);
  app.decorate('hub', hub);
  app.addHook('onReady', () => hub.start());
  app.addHook('preClose', () => hub.stop());
  // One sealer per process, one sealing at a time across processes: audit chain and delivery order.
  const sealer = new Sealer(deps.database, deps.keys.audit, deps.clock, app.log, deps.config.audit.sealPollMs);
  app.decorate('sealer', sealer);
  app.addHook('onReady', async () => sealer.start());
  app.addHook('onClose', () => sealer.stop());
  installJobs(app as unknown as FastifyInstance, deps);

  installSessions(app, deps);
  installErrorHandling(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(orgRoutes);
      await api.register(staffRoutes);
      await api.register(policyRoutes);
      await api.register(auditRoutes);
      await api.register(publicRoutes);
      await api.register(residentRoutes);
      await api.register(phoneRoutes);
      await api.register(privacyRoutes);
      await api.register(matterRoutes);
      await api.register(liveRoutes);
      await api.register(doorplateRoutes);
      await api.register(dutiesRoutes);
      await api.register(beatsRoutes);
      await api.register(settingsRoutes);
      await api.register(calendarRoutes);
      await api.register(scopeRoutes);
      await api.register(checksRoutes);
      await api.register(notifyRoutes);
      await api.register(evaluationRoutes);
      await api.register(reviewRoutes);
      await api.register(figuresRoutes);
      await api.register(flaggedRoutes);
      await api.register(receptionRoutes);
      await api.register(meetingRoutes);
      await api.register(visitRoutes);
      await api.register(hazardRoutes);
      await api.register(patrolRoutes);
      await api.register(responsibilityRoutes);
      await api.register(allianceRoutes);
      await api.register(roomRoutes);
      await api.register(roomPublicRoutes);
      await api.register(roomWorkRoutes);
      await api.register(roomItemsRoutes);
      await api.register(roomTopicsRoutes);
      await api.register(roomReportsRoutes);
      await api.register(disputeRoutes);
      await api.register(reportRoutes);
      await api.register(warningRoutes);
      await api.register(warningPublicRoutes);
      await api.register(warningSubscriptionRoutes);
      await api.register(warningReceiptRoutes);
      await api.register(mediaFileRoutes);
      await api.register(fraudRoutes);
      await api.register(fraudUpstreamApiRoutes);
      await api.register(dashboardRoutes);
      await api.register(publicFiguresRoutes);
    },
    { prefix: '/api/v1' },
  );
  if (deps.config.bench.routes) await app.register(benchRoutes(deps));
  await serveWeb(app as unknown as FastifyInstance, deps);
  return app;
}

/** Serves the built web app; any other GET outside /api gets index.html (client-side routes). */
async function serveWeb(app: FastifyInstance, deps: AppDeps) {
  const dist = deps.config.web.dist;
  const hasWeb = fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb)
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: false, maxAge: '1h', immutable: false });
  // The static plugin answers a directory (the root) with 403: the root is the app's own page.
  if (hasWeb)
    app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api') && !path.extname(req.url.split('?')[0] ?? '');
    if (hasWeb && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(req, reply, 'NOT_FOUND', 404, { what: req.url.startsWith('/api') ? 'api' : '' });
  });
}

/**
 * Scheduled and queued work: each module registers its jobs, one registry per process runs them on pg-boss
 * (not at all when every job is off). It stops before the sealer, so a job's last events are still sealed.
 */
function installJobs(app: FastifyInstance, deps: AppDeps) {
  const jobs = new JobRegistry(deps, app.log);
  registerMatterJobs(jobs, deps.config);
  registerDashboardJobs(jobs, deps.config);
  registerCalendarJobs(jobs);
  registerEvaluationJobs(jobs);
  registerSessionJobs(jobs);
  registerFollowUpJobs(jobs);
  registerReportJobs(jobs);
  registerHazardJobs(jobs);
  registerRoomJobs(jobs);
  registerWarningJobs(jobs);
  registerFraudJobs(jobs);
  registerNotifyJobs(jobs, deps.config);
  // Notifications start from the outbox's end the first time, not from last week's events.
  app.addHook('onReady', () => initNotifyCursor(deps.database.db));
  app.decorate('jobs', jobs);
  app.addHook('onReady', () => jobs.start());
  app.addHook('preClose', () => jobs.stop());
}
