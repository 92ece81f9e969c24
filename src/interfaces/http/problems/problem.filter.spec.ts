import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  AdminRequiredError,
  NotAuthenticatedError,
  ObjectNotVisibleError,
} from '../../../application/access/access.errors.js';
import {
  InvalidReadingQueryError,
  LiveFeedLimitError,
  NodeNotFoundError,
} from '../../../application/metering/query-readings/reading-query.errors.js';
import {
  NetworkConfigurationRefusedError,
  NetworkConfigurationTimedOutError,
} from '../../../application/gateways/network-configuration/network-configuration-outcome.errors.js';
import { WrongExpectedRevisionError } from '../../../application/ports/event-store.port.js';
import {
  GatewayAlreadyRegisteredError,
  GatewayNotFoundError,
  InvalidGatewayRegistrationError,
} from '../../../domain/gateways/gateway.errors.js';
import {
  InvalidNetworkConfigurationError,
  NetworkNotConfigurableError,
  UnknownNetworkConfigurationRequestError,
} from '../../../domain/gateways/network-configuration.errors.js';
import { GatewayCommandTimeoutError, GatewayOfflineError } from '../../gateway-link/gateway-commands.js';
import { problemOf } from './problem.filter.js';
import { RequestValidationError } from './problem.js';

const request = { method: 'GET', url: '/api/things/7?secret=query' } as FastifyRequest;
const statusOf = (error: unknown): number => problemOf(error, request).problem.status;

describe('problemOf', () => {
  it('maps the access errors: not visible 404, admin required 403, not authenticated 401', () => {
    expect(statusOf(new ObjectNotVisibleError('sensor', 's-1'))).toBe(404);
    expect(statusOf(new AdminRequiredError('list users'))).toBe(403);
    expect(statusOf(new NotAuthenticatedError())).toBe(401);
  });

  it('maps domain and application errors through the one table', () => {
    expect(statusOf(new GatewayNotFoundError('gw'))).toBe(404);
    expect(statusOf(new GatewayAlreadyRegisteredError('gw'))).toBe(409);
    expect(statusOf(new InvalidGatewayRegistrationError(['name']))).toBe(400);
    expect(statusOf(new InvalidReadingQueryError('range too long'))).toBe(400);
    expect(statusOf(new NodeNotFoundError('n'))).toBe(404);
    expect(statusOf(new LiveFeedLimitError(10))).toBe(503);
    expect(statusOf(new GatewayOfflineError('gw'))).toBe(409);
    expect(statusOf(new GatewayCommandTimeoutError('gw', 'permit_join', 5000))).toBe(504);
    expect(statusOf(new InvalidNetworkConfigurationError('channel must be a ZigBee channel from 11 to 26'))).toBe(400);
    expect(statusOf(new NetworkNotConfigurableError('gw', 'dsmr'))).toBe(422);
    expect(statusOf(new UnknownNetworkConfigurationRequestError('r1'))).toBe(404);
    expect(statusOf(new NetworkConfigurationRefusedError('r1', 'the coordinator refused'))).toBe(422);
    expect(problemOf(new NetworkConfigurationTimedOutError('r1', 'gw'), request).problem).toMatchObject({
      status: 504,
      type: 'urn:wattlog:problem:gateway-timeout',
    });
    const conflict = problemOf(new WrongExpectedRevisionError('gateway-gw', 3, 4), request).problem;
    expect(conflict).toMatchObject({ status: 409, type: 'urn:wattlog:problem:concurrent-change' });
    // The stream name and revisions are internals.
    expect(conflict.detail).not.toContain('gateway-gw');
  });

  it('gives the RFC 9457 members, with the path but not the query as instance', () => {
    expect(problemOf(new NotFoundException('gateway gw-7 does not exist'), request).problem).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'gateway gw-7 does not exist',
      instance: '/api/things/7',
    });
    expect(problemOf(new BadRequestException(['a is bad', 'b is bad']), request).problem.detail).toBe(
      'a is bad; b is bad',
    );
  });

  it('lists each failed field of a validation error', () => {
    const problem = problemOf(
      new RequestValidationError([
        { field: 'limit', constraint: 'max', message: 'limit must not be greater than 1000' },
      ]),
      request,
    ).problem;
    expect(problem).toMatchObject({
      status: 400,
      type: 'urn:wattlog:problem:validation-failed',
      detail: 'limit must not be greater than 1000',
    });
    expect(problem.errors).toEqual([
      { field: 'limit', constraint: 'max', message: 'limit must not be greater than 1000' },
    ]);
  });

  it('answers anything unexpected with 500 and no internals', () => {
    const problem = problemOf(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'), request).problem;
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
    expect(statusOf('a thrown string')).toBe(500);
    // A Fastify-shaped 5xx is internal too.
    expect(statusOf(Object.assign(new Error('FST internals'), { code: 'FST_ERR_X', statusCode: 500 }))).toBe(500);
  });
});
