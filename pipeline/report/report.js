(function () {
  'use strict';
  var errors = document.getElementById('errors');
  window.addEventListener('error', function (ev) { errors.textContent += 'error: ' + ev.message + '\n'; });
  var data = JSON.parse(document.getElementById('data').textContent);
  var COLS = {title: 1, kind: 2, sources: 3, steps: 4, promo: 5, removed: 6, diff: 8};
  var FLAGS = {
    nosteps: function (r) { return r[4] === 0; },
    promo: function (r) { return r[5] > 0; },
    single: function (r) { return r[3] === 1; },
    changed: function (r) { return r[8] !== ''; }
  };
  var PAGE = 100, rows = document.getElementById('rows'), q = document.getElementById('q');
  var kind = document.getElementById('kind'), shown = document.getElementById('shown');
  var state = {q: '', f: [], kind: '', sort: 'title', page: 1};

  function readHash() {
    var h = new URLSearchParams(location.hash.replace(/^#/, ''));
    state.q = h.get('q') || '';
    state.f = (h.get('f') || '').split(',').filter(function (f) { return FLAGS[f]; });
    state.kind = h.get('kind') || '';
    state.sort = COLS[(h.get('sort') || '').replace(/^-/, '')] ? h.get('sort') : 'title';
    state.page = Math.max(1, parseInt(h.get('page') || '1', 10) || 1);
    q.value = state.q;
    kind.value = state.kind;
    Object.keys(FLAGS).forEach(function (f) { document.getElementById('f-' + f).checked = state.f.indexOf(f) >= 0; });
  }
  function writeHash() {
    var h = new URLSearchParams();
    if (state.q) { h.set('q', state.q); }
    if (state.f.length) { h.set('f', state.f.join(',')); }
    if (state.kind) { h.set('kind', state.kind); }
    if (state.sort !== 'title') { h.set('sort', state.sort); }
    if (state.page > 1) { h.set('page', String(state.page)); }
    history.replaceState(null, '', '#' + h.toString());
  }
  function cell(tr, text) { var td = document.createElement('td'); td.textContent = String(text); tr.appendChild(td); return td; }
  function render() {
    var needle = state.q.toLowerCase();
    var hits = data.rows.filter(function (r) {
      return (!needle || r[1].toLowerCase().indexOf(needle) >= 0 || r[0].indexOf(needle) >= 0) &&
        (!state.kind || r[2] === state.kind) && state.f.every(function (f) { return FLAGS[f](r); });
    });
    var desc = state.sort.charAt(0) === '-', col = COLS[state.sort.replace(/^-/, '')];
    hits.sort(function (a, b) { var x = a[col], y = b[col]; var c = x < y ? -1 : x > y ? 1 : 0; return desc ? -c : c; });
    var pages = Math.max(1, Math.ceil(hits.length / PAGE));
    state.page = Math.max(1, Math.min(state.page, pages));
    rows.textContent = '';
    hits.slice((state.page - 1) * PAGE, state.page * PAGE).forEach(function (r) {
      var tr = document.createElement('tr'), a = document.createElement('a');
      tr.className = 'row';
      a.textContent = r[1];
      a.href = 'report/' + data.pages[r[7]] + '#' + encodeURIComponent(r[0]);
      cell(tr, '').appendChild(a);
      [r[2], r[3], r[4], r[5], r[6], r[8]].forEach(function (v) { cell(tr, v); });
      rows.appendChild(tr);
    });
    shown.textContent = String(hits.length);
    shown.setAttribute('data-count', String(hits.length));
    document.getElementById('page').textContent = 'page ' + state.page + ' of ' + pages;
    writeHash();
  }
  function changed() {
    state.q = q.value.trim();
    state.kind = kind.value;
    state.f = Object.keys(FLAGS).filter(function (f) { return document.getElementById('f-' + f).checked; });
    state.page = 1;
    render();
  }
  q.addEventListener('input', changed);
  kind.addEventListener('change', changed);
  Object.keys(FLAGS).forEach(function (f) { document.getElementById('f-' + f).addEventListener('change', changed); });
  Array.prototype.forEach.call(document.querySelectorAll('th button'), function (b) {
    b.addEventListener('click', function () {
      var s = b.getAttribute('data-sort');
      state.sort = state.sort === s ? '-' + s : s;
      render();
    });
  });
  document.getElementById('prev').addEventListener('click', function () { state.page -= 1; render(); });
  document.getElementById('next').addEventListener('click', function () { state.page += 1; render(); });
  window.addEventListener('hashchange', function () { readHash(); render(); });
  readHash();
  render();
})();
