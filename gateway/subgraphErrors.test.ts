import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { subgraphFailure, subgraphHttpError } from './subgraphErrors';

const response = (status: number) => ({ status, statusText: `status ${status}` }) as FetcherResponse;
const coded = (code: string) => ({ errors: [{ message: `subgraph says ${code}`, extensions: { code } }] });

describe('subgraph errors as the client sees them', () => {
  it('a fetch with no response (refused, reset, timed out) is SERVICE_UNAVAILABLE of that subgraph', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4002'), { code: 'ECONNREFUSED' }),
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    ]) {
      expect(subgraphFailure('learning', error)).toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'learning' },
      });
    }
  });

  it('an error built from a response is passed on as it is', () => {
    const error = new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(subgraphFailure('billing', error)).toBe(error);
  });

  it("keeps a 4xx's own code and message", () => {
    for (const code of ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']) {
      expect(subgraphHttpError('billing', response(400), coded(code))).toMatchObject({
        message: `subgraph says ${code}`,
        extensions: { code, serviceName: 'billing' },
      });
    }
  });

  it('502/503/504 are SERVICE_UNAVAILABLE; 401/403 (the gateway refused) and 500 carry no code', () => {
    for (const status of [502, 503, 504]) {
      expect(subgraphHttpError('trading', response(status), '')).toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
    for (const status of [401, 403, 500]) {
      const error = subgraphHttpError('trading', response(status), coded('GATEWAY_SIGNATURE_INVALID'));
      expect(error.extensions.code).toBeUndefined();
    }
  });
});
