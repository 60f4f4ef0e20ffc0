// The map's accessible companion: what the canvas shows, in the DOM, for a screen reader or a
// keyboard. The app sends a document whenever it changes (src/features/feature.h, write_accessible:
// the partner cities and twins, the open panel, the search's results, the keyboard's city); this
// turns it into headings, lists, links and buttons that call the app (src/app/page_api.h), and
// announces changes in a polite live region. The companion is visually hidden (not display:none)
// until one of its controls has the focus; then it shows as a panel, focus ring and all.
// Print: the app's picture of the map (web page's #print-map) with the open panel's text beside it.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const root = $('a11y');
  const live = $('a11y-live');
  let last = { panel: null, results: null, focus: null, cities: '' };

  function app() { return window.Module && Module.ccapRunning ? Module : null; }
  function callWithText(fn, text) {
    const m = app();
    if (!m) return 1;
    const p = m.stringToNewUTF8(text);
    const r = m[fn](p);
    m._free(p);
    return r;
  }

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  // Only http(s) links become links (the app's one link rule, base/text_format.h).
  function isWebAddress(url) { return /^https?:\/\/[^\s]+$/i.test(url || ''); }

  function announce(text) {
    // Cleared first, so that the same words said twice are said again.
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50);
  }

  function renderCities(cities) {
    const key = JSON.stringify(cities);
    if (key === last.cities) return;
    last.cities = key;
    const list = $('a11y-cities');
    list.replaceChildren();
    for (const c of cities) {
      const item = el('li');
      const open = el('button', `${c.name}, ${c.country}`, { type: 'button' });
      open.addEventListener('click', () => callWithText('_ccap_page_open_city', c.id));
      item.append(open);
      if (c.certification) item.append(el('span', ` · City Certification: ${c.certification}`));
      for (const t of c.twins) {
        item.append(el('span', ' · twinned with '));
        const twin = el('button', t.name, { type: 'button', 'aria-label': `Open the twin ${t.name}` });
        twin.addEventListener('click', () => callWithText('_ccap_page_open_city', t.id));
        item.append(twin);
        if (t.topic) item.append(el('span', ` (${t.topic})`));
      }
      list.append(item);
    }
  }

  function renderPanel(panel) {
    const title = $('a11y-panel-title');
    const body = $('a11y-panel-body');
    body.replaceChildren();
    $('a11y-close').hidden = !panel;
    if (!panel) {
      title.textContent = 'Nothing selected';
      body.append(el('p', 'Choose a city below, or use the arrow keys on the map.'));
      return;
    }
    title.textContent = panel.title;
    for (const s of panel.sections || []) {
      if (s.heading) body.append(el('h3', s.heading));
      for (const line of s.lines || []) if (line) body.append(el('p', line));
      const links = (s.links || []).filter((l) => isWebAddress(l.url));
      if (links.length) {
        const list = el('ul');
        for (const l of links) {
          const item = el('li');
          item.append(el('a', l.title || l.url, { href: l.url, target: '_blank', rel: 'noopener noreferrer' }));
          list.append(item);
        }
        body.append(list);
      }
    }
  }

  function renderResults(results) {
    const list = $('a11y-results');
    list.replaceChildren();
    $('a11y-result-count').textContent = results
      ? `${results.count} result${results.count === 1 ? '' : 's'}${results.query ? ` for “${results.query}”` : ''}`
      : '';
    if (!results) return;
    for (const r of results.items) {
      const item = el('li');
      const open = el('button', `${r.title} (${r.kind})`, { type: 'button' });
      open.addEventListener('click', () => callWithText('_ccap_page_open_entry', r.key));
      item.append(open);
      list.append(item);
    }
  }

  // The measured datasets: whose, how sure, which period; each shown on the map with a button.
  function renderDatasets(datasets) {
    $('a11y-datasets').hidden = !datasets || datasets.length === 0;
    if (!datasets) return;
    const key = JSON.stringify(datasets);
    const list = $('a11y-dataset-list');
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    list.replaceChildren(...datasets.map((d) => {
      const item = el('li', `${d.caption}. Licence: ${d.licence}. `);
      if (d.shown) item.append(el('span', 'Shown on the map.'));
      else if (d.coming) item.append(el('span', 'Loading.'));
      else {
        const show = el('button', `Show ${d.caption.split(',')[0]} on the map`, { type: 'button' });
        show.addEventListener('click', () => callWithText('_ccap_page_show_dataset', d.id));
        item.append(show);
      }
      return item;
    }));
  }

  // The map's settings as form controls; a control the visitor is using is left alone.
  function renderSettings(doc) {
    renderDatasets(doc.datasets);
    for (const box of root.querySelectorAll('[data-layer]'))
      if (doc.layers && document.activeElement !== box) box.checked = !!doc.layers[box.dataset.layer];
    const air = doc.air;
    $('a11y-air').hidden = !air;
    if (!air) return;
    $('a11y-air-synthetic').hidden = !air.synthetic;
    const select = $('a11y-pollutant');
    const options = air.pollutants.map((p) => `${p.key}:${p.name}`).join(',');
    if (select.dataset.options !== options) {
      select.replaceChildren(...air.pollutants.map((p) => el('option', p.name, { value: p.key })));
      select.dataset.options = options;
    }
    const set = (id, value) => { if (document.activeElement !== $(id)) $(id).value = String(value); };
    set('a11y-pollutant', air.pollutant);
    set('a11y-avg', air.avg);
    set('a11y-scale', air.scale);
    $('a11y-step').max = String(Math.max(0, air.steps - 1));
    set('a11y-step', air.step);
    $('a11y-step').setAttribute('aria-valuetext', air.time);
    $('a11y-air-now').textContent = `Showing ${air.time}, coloured by ${air.scaleTitle}.`;
  }

  // One document from the app: render what changed, say what a person would want said.
  function update(text) {
    let doc;
    try { doc = JSON.parse(text); } catch (e) { console.warn('Clean Air Atlas: companion: ' + e.message); return; }
    root.hidden = false;
    renderCities(doc.cities || []);
    renderSettings(doc);
    const panelKey = doc.panel ? `${doc.panel.kind}:${doc.panel.id || ''}:${JSON.stringify(doc.panel.sections)}` : '';
    const panelId = doc.panel ? `${doc.panel.kind}:${doc.panel.id || ''}` : null;
    // What this document changes is said at once: a second announce() would replace the first
    // (a city opened with Enter on the ring came with the ring's move, and only "Enter opens it"
    // was heard).
    const said = [];
    let opened = false;
    // The same page with new values (a station's, while the time plays) waits while the focus is in it.
    const focusInPanel = $('a11y-panel-body').contains(document.activeElement);
    if (panelKey !== last.panel && !(focusInPanel && panelId === last.panelId)) {
      opened = !!doc.panel && (!last.panelId || last.panelId !== panelId);
      renderPanel(doc.panel);
      if (opened && doc.panel.kind !== 'knowledge') {
        const first = (doc.panel.sections[0] && doc.panel.sections[0].lines[0]) || '';
        said.push(`${doc.panel.title} opened. ${first}`);
      } else if (!doc.panel && last.panel) {
        said.push('Panel closed.');
      }
      last.panel = panelKey;
      last.panelId = panelId;
    }
    // The list is rebuilt only when it changed (a focused result keeps the focus); a new count is said.
    const resultsKey = doc.results ? JSON.stringify(doc.results) : '';
    if (resultsKey !== last.results) {
      const before = $('a11y-result-count').textContent;
      renderResults(doc.results || null);
      if (doc.results && $('a11y-result-count').textContent !== before)
        said.push($('a11y-result-count').textContent + '.');
      last.results = resultsKey;
    }
    if ((doc.focus || null) !== last.focus) {
      if (doc.focus && !opened) said.push(`${doc.focus}. Enter opens it.`);  // (opened already: not said)
      last.focus = doc.focus || null;
    }
    if (said.length) announce(said.join(' '));
    // The print sheet's copy of the panel, without its ids: one id, one element (axe: duplicate-id-aria).
    const copies = [$('a11y-panel-title'), $('a11y-panel-body')].map((n) => n.cloneNode(true));
    for (const c of copies) for (const e of [c, ...c.querySelectorAll('[id]')]) e.removeAttribute('id');
    $('print-text').replaceChildren(...copies);
  }

  $('a11y-search').addEventListener('submit', (e) => {
    e.preventDefault();
    callWithText('_ccap_page_search', $('a11y-query').value);
  });
  for (const box of root.querySelectorAll('[data-layer]'))
    box.addEventListener('change', () => {
      const m = app();
      const on = (name) => (root.querySelector(`[data-layer="${name}"]`).checked ? 1 : 0);
      if (m) m._ccap_page_set_layers(on('cities'), on('arcs'), on('labels'), on('flow'));
    });
  const setAir = (pollutant, avg, scale, step) => {
    const m = app();
    if (!m) return;
    const [p, a, k] = [pollutant, avg, scale].map((t) => m.stringToNewUTF8(t));
    m._ccap_page_set_air(p, a, k, step);
    [p, a, k].forEach((x) => m._free(x));
  };
  $('a11y-pollutant').addEventListener('change', (e) => setAir(e.target.value, '', '', -1));
  $('a11y-avg').addEventListener('change', (e) => setAir('', e.target.value, '', -1));
  $('a11y-scale').addEventListener('change', (e) => setAir('', '', e.target.value, -1));
  $('a11y-step').addEventListener('input', (e) => setAir('', '', '', Number(e.target.value)));
  $('a11y-close').addEventListener('click', () => { const m = app(); if (m) m._ccap_page_back(); });
  // A kiosk lets nothing leave the screen: no sharing, saving or printing there.
  if (window.ccapKiosk && window.ccapKiosk.enabled) $('a11y-share-title').parentElement.remove();
  for (const b of root.querySelectorAll('[data-share]'))
    b.addEventListener('click', () => { const m = app(); if (m) m._ccap_page_share(Number(b.dataset.share)); });
  // Ctrl/Cmd+P prints the map's picture with the open panel's text (the canvas alone prints blank).
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'p' || e.key === 'P') && app()) {
      e.preventDefault();
      app()._ccap_page_share(2);
    }
  }, true);
  // The canvas' focus ring shows once the keyboard is used, and goes with a pointer.
  window.addEventListener('keydown', () => document.documentElement.classList.add('keyboard-used'), true);
  window.addEventListener('pointerdown', () => document.documentElement.classList.remove('keyboard-used'), true);
  // Tab leaves the canvas (SDL would keep it), and reaches the companion.
  $('canvas').addEventListener('keydown', (e) => { if (e.key === 'Tab') e.stopImmediatePropagation(); }, true);

  window.ccapA11y = { update };
})();
