// The console's only script of its own: renders the live event feed. Events are written as text, never as HTML.
(function () {
  'use strict';
  var MAX_ROWS = 200;
  var SKIP = { type: 1, origin: 1, tenant: 1, id: 1 };

  function state(text) {
    var el = document.getElementById('feed-state');
    if (el) { el.textContent = text; }
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function details(payload) {
    return Object.keys(payload).filter(function (k) { return !SKIP[k] && payload[k] !== null; })
      .map(function (k) { return k + '=' + (typeof payload[k] === 'object' ? JSON.stringify(payload[k]) : payload[k]); })
      .join(' ');
  }

  document.addEventListener('htmx:sseBeforeMessage', function (evt) {
    var feed = document.getElementById('feed');
    if (!feed || evt.target !== feed) { return; }
    evt.preventDefault();
    var payload;
    try { payload = JSON.parse(evt.detail.data); } catch (e) { payload = { raw: evt.detail.data }; }
    var row = document.createElement('tr');
    row.className = 'event';
    cell(row, new Date().toLocaleTimeString());
    cell(row, evt.detail.type);
    cell(row, payload.origin || '');
    cell(row, details(payload));
    feed.insertBefore(row, feed.firstChild);
    while (feed.rows.length > MAX_ROWS) { feed.deleteRow(feed.rows.length - 1); }
  });
  document.addEventListener('htmx:sseOpen', function () { state('live'); });
  document.addEventListener('htmx:sseError', function () { state('reconnecting…'); });
})();
