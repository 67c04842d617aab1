// clients/sdk/examples/quickstart.ts: with `npm start` running, `npx tsx clients/sdk/examples/quickstart.ts`.
import WebSocket from 'ws'; // Node only: browsers and React Native have a global WebSocket
import * as sdk from '../src';

async function main(): Promise<void> {
  const url = process.env.API_URL ?? 'http://localhost:4000/graphql';
  const api = sdk.createTradeSchoolClient({ url, webSocketImpl: WebSocket });
  await api.login('analyst@demo.test', 'demo-password-1');
  const { me } = await api.request(sdk.MeDocument); // typed: me.tier, me.portfolio.cash.amount...
  console.log(`signed in as ${me?.name} (${me?.tier})`);
  await api.request(sdk.KycReviewQueueDocument).catch((error: unknown) => {
    if (sdk.isGraphQLRequestError(error, 'FORBIDDEN')) console.log('the KYC queue is for SUPPORT and ADMIN');
  });

  // Live signals from the last one seen: missed ones are fetched after each (re)connect, then live ones.
  const { signals } = await api.request(sdk.SignalsDocument, { last: 1 });
  const afterSequence = signals.edges.at(-1)?.node.sequence ?? '0';
  const next = new Promise<sdk.SignalSummaryFragment>((resolve) => {
    const stop = sdk.followLiveSignals(api, {
      symbols: ['BTC-USDT'],
      afterSequence,
      onSignal: (signal) => {
        stop();
        resolve(signal);
      },
    });
  });

  // Publish one, priced against the market (entry within 1% of the tick, target above, stop below).
  const { marketTick } = await api.request(sdk.MarketTickDocument, { symbol: 'BTC-USDT' });
  const { instrument } = await api.request(sdk.InstrumentDocument, { symbol: 'BTC-USDT' });
  const price = Number(marketTick?.price ?? instrument?.lastPrice); // no tick yet: the last close
  await api.request(sdk.PublishSignalDocument, {
    input: {
      symbol: 'BTC-USDT',
      side: 'BUY',
      strategy: 'quickstart',
      entryPrice: price.toFixed(2),
      targetPrice: (price * 1.03).toFixed(2),
      stopLoss: (price * 0.985).toFixed(2),
      confidence: 60,
    },
  });
  const signal = await next;
  console.log(
    `received signal #${signal.sequence}: ${signal.side} ${signal.instrument.symbol} at ${signal.entryPrice}`,
  );
  api.dispose(); // closes the socket, so the script ends
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
