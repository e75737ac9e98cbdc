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

  // Forms that destroy something ask first; without a script they post at once, as every other button does.
  document.addEventListener('submit', function (evt) {
    var question = evt.target.getAttribute && evt.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { evt.preventDefault(); }
  }, true);

  // The rollout form's explicit groups: one more row on demand (the page renders a few, enough without a script).
  var addGroup = document.getElementById('add-group');
  if (addGroup) { addGroup.hidden = false; }
  document.addEventListener('click', function (evt) {
    if (!evt.target || evt.target.id !== 'add-group') { return; }
    var body = document.querySelector('#group-rows tbody');
    var last = body.rows[body.rows.length - 1];
    var row = last.cloneNode(true);
    var number = body.rows.length + 1;
    Array.prototype.forEach.call(row.querySelectorAll('input'), function (input) {
      input.value = '';
      input.setAttribute('aria-label', input.getAttribute('aria-label').replace(/^Group \d+/, 'Group ' + number));
    });
    body.appendChild(row);
    row.querySelector('input').focus();
  });

  // Artifact upload: drop files on a module's row or choose them; each is sent with XMLHttpRequest, whose upload
  // progress drives the bar. Without a script the form posts as it is and the page comes back with the result.
  function message(text, isError) {
    var main = document.getElementById('main');
    Array.prototype.forEach.call(main.querySelectorAll('p.notice, p.error'), function (old) {
      old.remove();
    });
    var p = document.createElement('p');
    p.className = isError ? 'error' : 'notice';
    p.setAttribute('role', isError ? 'alert' : 'status');
    p.textContent = text;
    main.insertBefore(p, main.querySelector('h1').nextSibling);
  }

  function uploadOne(form, file, done) {
    var bar = form.querySelector('progress');
    var data = new FormData();
    data.append('_csrf', form.querySelector('input[name=_csrf]').value);
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    bar.hidden = false;
    bar.value = 0;
    bar.setAttribute('aria-valuetext', file.name + ': 0 %');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.max = e.total;
        bar.value = e.loaded;
        bar.setAttribute('aria-valuetext', file.name + ': ' + Math.round(100 * e.loaded / e.total) + ' %');
      }
    });
    xhr.addEventListener('load', function () {
      var ok = xhr.status >= 200 && xhr.status < 300;
      var text = ok || xhr.status === 400 ? xhr.responseText.trim() : 'Upload of ' + file.name + ' failed: HTTP ' + xhr.status;
      if (ok) {
        bar.value = bar.max;
        bar.setAttribute('aria-valuetext', file.name + ': 100 %');
      }
      done(ok, text);
    });
    xhr.addEventListener('error', function () { done(false, 'Upload of ' + file.name + ' failed: connection lost'); });
    xhr.send(data);
  }

  function upload(form, files) {
    var queue = Array.prototype.slice.call(files);
    var button = form.querySelector('button');
    button.disabled = true;
    form.classList.add('uploading');
    var results = [];
    (function next(failed) {
      if (!queue.length) {
        button.disabled = false;
        form.classList.remove('uploading');
        form.querySelector('progress').hidden = true;
        message(results.join(' '), failed);
        // The module's new artifacts: the page's table again, without a reload.
        htmx.ajax('GET', window.location.pathname, { target: '#modules', select: '#modules', swap: 'outerHTML' });
        return;
      }
      uploadOne(form, queue.shift(), function (ok, text) {
        results.push(text);
        next(failed || !ok);
      });
    })(false);
  }

  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (!form.classList || !form.classList.contains('upload') || !window.FormData) { return; }
    var input = form.querySelector('input[type=file]');
    if (!input.files.length) { return; }
    evt.preventDefault();
    upload(form, input.files);
  });

  function dropZone(evt) {
    return evt.target && evt.target.closest ? evt.target.closest('tr[data-drop]') : null;
  }
  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (evt) {
      var row = dropZone(evt);
      if (!row) { return; }
      evt.preventDefault();
      row.classList.add('drop-over');
    });
  });
  document.addEventListener('dragleave', function (evt) {
    var row = dropZone(evt);
    if (row && !row.contains(evt.relatedTarget)) { row.classList.remove('drop-over'); }
  });
  document.addEventListener('drop', function (evt) {
    var row = dropZone(evt);
    if (!row) { return; }
    evt.preventDefault();
    row.classList.remove('drop-over');
    if (evt.dataTransfer && evt.dataTransfer.files.length) {
      upload(row.querySelector('form.upload'), evt.dataTransfer.files);
    }
  });
})();
