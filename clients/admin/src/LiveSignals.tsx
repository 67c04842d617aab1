import { useEffect, useRef, useState } from 'react';
import {
  SignalPublishedDocument,
  SignalsDocument,
  type LiveStatus,
  type SignalSummaryFragment,
} from '../../sdk/src';
import { client, useQuery } from './api';
import { PanelStatus } from './DataTable';

const KEEP = 12;

const statusLabel: Record<LiveStatus | 'error', string> = {
  idle: 'connecting',
  connecting: 'connecting',
  connected: 'live',
  closed: 'reconnecting',
  error: 'offline',
};

/**
 * The newest signals, then each one as the gateway pushes it (graphql-ws). Live delivery is
 * at-most-once: after a reconnect, whatever came after the last sequence seen is fetched by query.
 */
export function LiveSignals() {
  const history = useQuery(SignalsDocument, { last: KEEP });
  const [live, setLive] = useState<SignalSummaryFragment[]>([]);
  const [status, setStatus] = useState<LiveStatus | 'error'>(client.live.status());
  const lastSequence = useRef<bigint>(0n);

  useEffect(() => {
    const add = (signals: SignalSummaryFragment[]) => {
      for (const s of signals)
        if (BigInt(s.sequence) > lastSequence.current) lastSequence.current = BigInt(s.sequence);
      setLive((current) => {
        const ids = new Set(signals.map((s) => s.id));
        return [...signals.slice().reverse(), ...current.filter((s) => !ids.has(s.id))].slice(0, KEEP);
      });
    };
    let dropped = false;
    const stopStatus = client.live.onStatus((next) => {
      setStatus(next);
      if (next === 'closed') dropped = true;
      if (next === 'connected' && dropped && lastSequence.current > 0n) {
        dropped = false;
        client
          .request(SignalsDocument, { first: 50, after: lastSequence.current.toString() })
          .then((missed) => add(missed.signals.edges.map((edge) => edge.node)))
          .catch(() => setStatus('error'));
      }
    });
    const stop = client.subscribe(
      SignalPublishedDocument,
      {},
      { next: (data) => add([data.signalPublished]), error: () => setStatus('error') },
    );
    return () => {
      stop();
      stopStatus();
    };
  }, []);

  useEffect(() => {
    for (const edge of history.data?.signals.edges ?? []) {
      const sequence = BigInt(edge.node.sequence);
      if (sequence > lastSequence.current) lastSequence.current = sequence;
    }
  }, [history.data]);

  const liveIds = new Set(live.map((s) => s.id));
  const older = (history.data?.signals.edges ?? [])
    .map((edge) => edge.node)
    .filter((s) => !liveIds.has(s.id))
    .sort((a, b) => Number(BigInt(b.sequence) - BigInt(a.sequence)));
  const rows = [...live, ...older].slice(0, KEEP);

  return (
    <section className="panel live" data-testid="live-signals">
      <h3>
        Live signals <span className={`status ${statusLabel[status]}`}>{statusLabel[status]}</span>
      </h3>
      <PanelStatus what="signals" loading={history.loading && !history.data} error={history.error} />
      <ul>
        {rows.map((signal) => (
          <li
            key={signal.id}
            data-signal-id={signal.id}
            className={liveIds.has(signal.id) ? 'fresh' : undefined}
          >
            <span className={`side ${signal.side.toLowerCase()}`}>{signal.side}</span>
            <strong>{signal.instrument.symbol}</strong>
            <span className="price">{signal.entryPrice}</span>
            <span className="meta">
              {signal.strategy} · {signal.author?.name ?? 'system'} ·{' '}
              {new Date(signal.createdAt).toLocaleTimeString()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
