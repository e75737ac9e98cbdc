// The console's only script of its own: renders the live event feed (events are written as text, never as HTML) and
// refreshes the live parts of a page when the stream reports a change.
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

  // A hidden element with sse-swap names the events that change a part and data-refreshes the part's id. The part is
  // fetched at once, then at most once a second while events keep coming, and once more after the last one.
  var refreshing = {};
  function refresh(id) {
    if (refreshing[id]) { refreshing[id].again = true; return; }
    var part = document.getElementById(id);
    if (!part) { return; }
    refreshing[id] = { again: false };
    htmx.trigger(part, 'live-refresh');
    setTimeout(function () {
      var again = refreshing[id].again;
      delete refreshing[id];
      if (again) { refresh(id); }
    }, 1000);
  }

  document.addEventListener('htmx:sseBeforeMessage', function (evt) {
    var part = evt.target.getAttribute && evt.target.getAttribute('data-refreshes');
    if (part) {
      evt.preventDefault();
      refresh(part);
      return;
    }
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
  document.addEventListener('htmx:sseOpen', function (evt) {
    state('live');
    // Events missed while the stream was down (or before it opened) are caught up by one refresh.
    var parts = evt.target.querySelectorAll ? evt.target.querySelectorAll('[data-refreshes]') : [];
    for (var i = 0; i < parts.length; i++) { refresh(parts[i].getAttribute('data-refreshes')); }
  });
  document.addEventListener('htmx:sseError', function () { state('reconnecting…'); });
})();
