// Mounts GraphiQL (UMD globals React, ReactDOM, GraphiQL loaded before this file).
// Served by gateway/ide/index.ts as /ide/bootstrap.js so the page needs no inline script (strict CSP).
(function () {
  'use strict';

  var script = document.currentScript;
  var data = (script && script.dataset) || {};

  // react-remove-scroll-bar (used by GraphiQL dialogs) injects a <style> element and tags it with
  // this nonce; the page's CSP allows styles from 'self' plus that per-response nonce only.
  if (script && script.nonce) window.__webpack_nonce__ = script.nonce;

  var httpUrl = new URL(data.graphqlPath || '/graphql', window.location.href);
  var wsUrl = new URL(httpUrl.href);
  wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  var fetcher = GraphiQL.createFetcher({ url: httpUrl.href, subscriptionUrl: wsUrl.href });

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: data.defaultQuery,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
