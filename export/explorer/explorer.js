// explorer.html's script: draws the graph of #graph-data with Cytoscape.js at the positions
// newsgraph computed (Graphviz sfdp), and wires the search, the filters and the details panel.
// Text from the articles is only ever set as textContent, never parsed as HTML.
//
// #graph-data (export/explorer_writer.cpp writes it):
//   types      entity type names, indexed by node.type
//   relations  [name, symmetric, meaning], indexed by edge[2]
//   documents  [id, title, url, date, source]
//   nodes      {id, label, type, mentions, documents, aliases: [[form, mentions]], attributes,
//               measures: [degree, weighted degree, betweenness, PageRank, component], size, x, y}
//   edges      [source node, target node, relation, weight, [sentence], confidence, cameo]
//   sentences  [document index, sentence number from 0, text, date]
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const nodes = data.nodes, edges = data.edges, relations = data.relations;
  const TYPE_COLOURS = ['#AAD9F4', '#F2CF80', '#80CEB9', '#F7F1A0', '#E5BCD3'];
  const TYPE_SHAPES = ['ellipse', 'round-rectangle', 'hexagon', 'rectangle', 'pentagon'];
  const TYPE_SHAPE_WORDS = ['oval', 'rounded box', 'hexagon', 'box', 'pentagon'];
  const TONES = {
    structure: ['#4D4D4D', 'office, membership, agreement'],
    cooperation: ['#0072B2', 'meeting, cooperation, support'],
    conflict: ['#D55E00', 'criticism, sanction, attack, legal action'],
    co: ['#999999', 'co-mentioned (same sentence; a statistic, not a claim)'],
  };
  const CO = relations.findIndex((r) => r[0] === 'co_mentioned');
  const MAJOR_LABELS = 20;  // the most central shown entities keep their names at any zoom

  function tone(relation) {
    const name = relations[relation][0];
    if (name === 'co_mentioned') return 'co';
    if (['met_with', 'visited', 'cooperates_with', 'supports'].includes(name)) return 'cooperation';
    if (['criticizes', 'sanctions', 'attacks', 'legal_action'].includes(name)) return 'conflict';
    return 'structure';
  }
  const words = (relation) => relations[relation][0].replace(/_/g, ' ');
  const pagerank = (i) => nodes[i].measures[3];
  const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

  // --- derived data ---------------------------------------------------------------------
  const incident = nodes.map(() => []);
  edges.forEach((e, j) => { incident[e[0]].push(j); if (e[1] !== e[0]) incident[e[1]].push(j); });
  const dayOf = (sentence) => (data.sentences[sentence][3] || '').slice(0, 10);
  const edgeDays = edges.map((e) => [...new Set(e[4].map(dayOf).filter(Boolean))].sort());
  const days = [...new Set(edgeDays.flat())].sort();
  const typedWeights = [...new Set(edges.filter((e) => e[2] !== CO).map((e) => e[3]))];
  const weights = [...new Set([1, ...typedWeights])].sort((a, b) => a - b);
  let maxRank = 0;
  nodes.forEach((n) => { maxRank = Math.max(maxRank, n.measures[3]); });
  const searchText = nodes.map((n) => [n.label, ...n.aliases.map((a) => a[0])].map(fold));

  // --- a little DOM helper: text is always text ------------------------------------------
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') element.className = value;
      else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }
  const chip = (type) => h('span', { class: 'chip', style: `background:${TYPE_COLOURS[type]}` });
  const nodeLink = (i) => h('button', { class: 'link', type: 'button', onclick: () => select(i) },
    nodes[i].label);
  const edgeLink = (j, text) => h('button', { class: 'link', type: 'button',
    onclick: () => selectEdge(j) }, text);
  const number = (value, digits) => Number(value).toLocaleString('en', { maximumFractionDigits: digits });

  // --- the graph --------------------------------------------------------------------------
  const container = document.getElementById('graph');
  const big = nodes.length > 2000;
  const elements = nodes.map((n, i) => ({
    group: 'nodes',
    data: { id: 'n' + i, label: n.label, size: n.size,
            fs: 9 + 9 * Math.sqrt(maxRank > 0 ? pagerank(i) / maxRank : 0) },
    position: { x: n.x, y: n.y },
    classes: 't' + n.type,
  }));
  const edgeElement = (j) => {
    const e = edges[j];
    return {
      group: 'edges',
      data: { id: 'e' + j, source: 'n' + e[0], target: 'n' + e[1], label: words(e[2]),
              width: Math.min(6, 1 + 0.8 * Math.log2(Math.max(1, e[3]))) },
      classes: tone(e[2]) + (relations[e[2]][1] ? ' symmetric' : ''),
    };
  };
  edges.forEach((e, j) => { if (e[2] !== CO) elements.push(edgeElement(j)); });
  let coMentionsAdded = false;  // thousands on a big corpus: added when first asked for

  const style = [
    { selector: 'node', style: {
      'width': 'data(size)', 'height': 'data(size)', 'border-width': 1, 'border-color': '#4D4D4D',
      'label': 'data(label)', 'font-size': 'data(fs)', 'min-zoomed-font-size': 9,
      'text-valign': 'bottom', 'text-margin-y': 2, 'color': '#1a1a1a',
      'text-outline-color': '#fff', 'text-outline-width': 2, 'text-outline-opacity': 0.9,
      'font-family': 'system-ui, Helvetica, Arial, sans-serif' } },
    ...TYPE_COLOURS.map((colour, t) => ({ selector: '.t' + t,
      style: { 'background-color': colour, 'shape': TYPE_SHAPES[t] } })),
    { selector: 'node.major, node.focus', style: { 'min-zoomed-font-size': 0, 'z-index': 10, 'font-weight': 'bold' } },
    { selector: 'edge', style: {
      'width': 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8, 'label': 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 9,
      'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
      'text-background-padding': 1, 'opacity': 0.85 } },
    ...Object.entries(TONES).map(([name, [colour]]) => ({ selector: 'edge.' + name,
      style: { 'line-color': colour, 'target-arrow-color': colour, 'color': colour } })),
    { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge.co', style: { 'line-style': 'dashed', 'curve-style': 'haystack',
      'label': '', 'opacity': 0.45 } },
    { selector: '.hidden', style: { 'display': 'none' } },
    { selector: '.faded', style: { 'opacity': 0.12, 'text-opacity': 0 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
    { selector: 'edge:selected', style: { 'line-color': '#000', 'target-arrow-color': '#000',
      'opacity': 1, 'width': 4 } },
  ];

  const cy = cytoscape({
    container, elements, style, layout: { name: 'preset' },
    minZoom: 0.02, maxZoom: 6, boxSelectionEnabled: false,
    hideEdgesOnViewport: big, textureOnViewport: false, pixelRatio: big ? 1 : 'auto',
  });
  cy.nodes().ungrabify();  // the layout is the data's; panning is what dragging does
  const nodeEl = (i) => cy.getElementById('n' + i);

  // --- filters ------------------------------------------------------------------------
  const state = {
    types: data.types.map(() => true),
    relations: relations.map((r, k) => k !== CO),
    minWeight: 1,
    from: 0, to: Math.max(0, days.length - 1),
    unrelated: false,  // entities without a shown relation
  };
  const forced = new Set();  // searched-for entities, shown whatever the filters say
  let nodeShown = nodes.map(() => true), edgeShown = edges.map((e) => e[2] !== CO);
  let shownCount = { nodes: 0, edges: 0 };

  function edgePasses(j) {
    const e = edges[j];
    if (!state.relations[e[2]] || e[3] < state.minWeight) return false;
    if (!state.types[nodes[e[0]].type] || !state.types[nodes[e[1]].type]) return false;
    if (days.length && (state.from > 0 || state.to < days.length - 1)) {
      const from = days[state.from], to = days[state.to];
      if (!edgeDays[j].some((d) => d >= from && d <= to)) return false;
    }
    return true;
  }

  function applyFilters() {
    if (state.relations[CO] && !coMentionsAdded) {
      coMentionsAdded = true;
      const co = [];
      edges.forEach((e, j) => {
        if (e[2] !== CO) return;
        const element = edgeElement(j);
        element.classes += ' hidden';  // edgeShown says so; shown below when it passes
        co.push(element);
      });
      cy.add(co);
    }
    const edgeNext = edges.map((e, j) => (e[2] !== CO || coMentionsAdded) && edgePasses(j));
    const related = nodes.map(() => false);
    edgeNext.forEach((shown, j) => { if (shown) related[edges[j][0]] = related[edges[j][1]] = true; });
    const nodeNext = nodes.map((n, i) => forced.has(i) ||
      (state.types[n.type] && (state.unrelated || related[i])));
    cy.batch(() => {
      nodeNext.forEach((shown, i) => { if (shown !== nodeShown[i]) nodeEl(i).toggleClass('hidden', !shown); });
      edgeNext.forEach((shown, j) => {
        if (shown === edgeShown[j]) return;
        cy.getElementById('e' + j).toggleClass('hidden', !shown);
      });
      // Names that stay legible at any zoom: the most central of what is shown.
      cy.nodes('.major').removeClass('major').removeStyle('font-size');
      nodeNext.map((shown, i) => i).filter((i) => nodeNext[i])
        .sort((a, b) => pagerank(b) - pagerank(a)).slice(0, MAJOR_LABELS)
        .forEach((i) => nodeEl(i).addClass('major'));
    });
    nodeShown = nodeNext;
    edgeShown = edgeNext;
    shownCount = { nodes: nodeNext.filter(Boolean).length,
      edges: edgeNext.filter(Boolean).length };
    document.getElementById('status').textContent =
      `Showing ${number(shownCount.nodes)} of ${number(nodes.length)} entities and ` +
      `${number(shownCount.edges)} of ${number(edges.length)} relations.`;
    scaleMajorLabels();
  }

  // The major names keep at least 12 px on screen however far one zooms out.
  function scaleMajorLabels() {
    const zoom = cy.zoom();
    cy.batch(() => cy.nodes('.major, .focus').forEach((node) => {
      const size = Math.max(node.data('fs'), 12 / zoom);
      node.style('font-size', size);
    }));
  }
  let zoomFrame = 0;
  cy.on('zoom', () => {
    if (!zoomFrame) zoomFrame = requestAnimationFrame(() => { zoomFrame = 0; scaleMajorLabels(); });
  });

  function buildFilters() {
    const panel = document.getElementById('filters');
    const typeCounts = data.types.map(() => 0), relationCounts = relations.map(() => 0);
    nodes.forEach((n) => { typeCounts[n.type]++; });
    edges.forEach((e) => { relationCounts[e[2]]++; });
    const checkbox = (checked, onchange) => h('input', { type: 'checkbox', checked, onchange });

    panel.append(h('h2', {}, 'Entities'));
    data.types.forEach((name, t) => {
      if (!typeCounts[t]) return;
      panel.append(h('label', { title: `${name}: ${TYPE_SHAPE_WORDS[t]}` },
        checkbox(true, (ev) => { state.types[t] = ev.target.checked; applyFilters(); }),
        chip(t), name, h('span', { class: 'count' }, number(typeCounts[t]))));
    });
    panel.append(h('label', { title: 'Entities with no relation among those shown' },
      h('input', { type: 'checkbox', id: 'show-unrelated',
        onchange: (ev) => { state.unrelated = ev.target.checked; applyFilters(); } }),
      'also those without a shown relation'));

    panel.append(h('h2', {}, 'Relations'));
    relations.forEach((relation, k) => {
      if (!relationCounts[k]) return;
      const colour = TONES[tone(k)][0];
      panel.append(h('label', { title: relation[2] },
        h('input', { type: 'checkbox', checked: k !== CO, 'data-relation': relation[0],
          onchange: (ev) => { state.relations[k] = ev.target.checked; applyFilters(); } }),
        h('span', { class: 'tone' + (k === CO ? ' dashed' : ''), style: `border-color:${colour}` }),
        words(k), h('span', { class: 'count' }, number(relationCounts[k]))));
    });

    panel.append(h('h2', {}, 'Minimum weight'));
    const weightValue = h('div', { class: 'range-value' });
    const showWeight = () => {
      weightValue.textContent = `at least ${state.minWeight} supporting sentence${state.minWeight === 1 ? '' : 's'}`;
    };
    panel.append(h('input', { type: 'range', id: 'min-weight', min: 0, max: weights.length - 1,
      value: 0, step: 1, 'aria-label': 'Minimum number of supporting sentences',
      oninput: (ev) => { state.minWeight = weights[Number(ev.target.value)]; showWeight(); applyFilters(); } }),
    weightValue);
    showWeight();

    panel.append(h('h2', {}, 'Evidence dates'));
    if (!days.length) {
      panel.append(h('p', { class: 'note' }, 'No article in this graph has a date.'));
    } else {
      const dayValue = h('div', { class: 'range-value' });
      const showDays = () => {
        dayValue.textContent = state.from === 0 && state.to === days.length - 1
          ? `all (${days[0]} to ${days[days.length - 1]}), undated too`
          : `${days[state.from]} to ${days[state.to]}`;
      };
      const from = h('input', { type: 'range', id: 'date-from', min: 0, max: days.length - 1, value: 0,
        'aria-label': 'Earliest evidence date' });
      const to = h('input', { type: 'range', id: 'date-to', min: 0, max: days.length - 1,
        value: days.length - 1, 'aria-label': 'Latest evidence date' });
      const changed = () => {
        state.from = Math.min(Number(from.value), Number(to.value));
        state.to = Math.max(Number(from.value), Number(to.value));
        showDays();
        applyFilters();
      };
      from.addEventListener('input', changed);
      to.addEventListener('input', changed);
      panel.append(h('div', { class: 'note' }, 'from'), from, h('div', { class: 'note' }, 'to'), to, dayValue);
      showDays();
    }

    panel.append(h('h2', {}, 'Lines'));
    Object.values(TONES).forEach(([colour, meaning], index) => {
      panel.append(h('div', { class: 'note' }, h('span', { class: 'tone' + (index === 3 ? ' dashed' : ''),
        style: `border-color:${colour}` }), ' ', meaning));
    });
    panel.append(h('p', { class: 'note' }, 'Dots grow with PageRank, lines with the number of ' +
      'sentences behind them. Names of less central entities appear as you zoom in.'));
    panel.append(h('div', { id: 'status' }));
  }

  // --- details ------------------------------------------------------------------------
  const details = document.getElementById('details');

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || '') ? url : null;
  }

  function citation(sentence) {
    const [document_, number_] = data.sentences[sentence];
    const doc = typeof document_ === 'number' ? data.documents[document_] : [document_, '', '', '', ''];
    const [id, title, url, date, source] = doc;
    const href = safeUrl(url);  // a javascript: or data: URL is not a link
    const name = title || (href ? url : '');
    const parts = [];
    if (name) parts.push(href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, name) : name);
    if (date) parts.push(date);
    if (source) parts.push(source);
    return h('cite', {}, parts.map((part, k) => [k ? ', ' : '', part]), parts.length ? ' ' : '',
      `[${id}, s. ${number_ + 1}]`);
  }
  const quote = (sentence) => [h('blockquote', {}, data.sentences[sentence][2]), citation(sentence)];

  function highlight(collection) {
    cy.batch(() => {
      cy.elements('.faded').removeClass('faded');
      cy.elements('.focus').removeClass('focus').removeStyle('font-size');
      if (!collection) return;
      cy.elements().not(collection).addClass('faded');
      collection.nodes().addClass('focus');
    });
    scaleMajorLabels();
  }

  function other(j, i) { return edges[j][0] === i ? edges[j][1] : edges[j][0]; }

  function showNode(i) {
    const n = nodes[i];
    const [degree, weighted, betweenness, rank, component] = n.measures;
    details.replaceChildren();
    details.append(h('h2', { id: 'profile-name' }, n.label),
      h('p', { class: 'kind' }, chip(n.type), ' ', data.types[n.type],
        ` \u00b7 ${number(n.mentions)} mentions in ${number(n.documents)} article${n.documents === 1 ? '' : 's'}`,
        h('br'), h('span', { class: 'muted' }, n.id)));
    const attributes = Object.entries(n.attributes);
    const titles = n.attributes.titles ? n.attributes.titles.split('|') : [];
    if (titles.length) details.append(h('h3', {}, 'Titles'), h('p', {}, titles.join(', ')));
    const rest = attributes.filter(([name]) => name !== 'titles');
    if (rest.length) details.append(h('h3', {}, 'Attributes'),
      h('dl', {}, rest.map(([name, value]) => [h('dt', {}, name.replace(/_/g, ' ')), h('dd', {}, value)])));
    details.append(h('h3', {}, 'Names in the articles'),
      h('p', {}, n.aliases.map(([form, count], k) => `${k ? ', ' : ''}${form} (${count})`).join('')));
    details.append(h('h3', {}, 'Measures'), h('dl', {},
      h('dt', {}, 'PageRank'), h('dd', {}, rank.toPrecision(3)),
      h('dt', {}, 'betweenness'), h('dd', {}, number(betweenness, 4)),
      h('dt', {}, 'degree'), h('dd', {}, `${degree} (weighted ${number(weighted, 2)})`),
      h('dt', {}, 'component'), h('dd', {}, component === 0 ? '0 (the largest)' : String(component))));

    const typed = incident[i].filter((j) => edges[j][2] !== CO)
      .sort((a, b) => edges[a][2] - edges[b][2] || edges[b][3] - edges[a][3]);
    details.append(h('h3', {}, `Relations (${typed.length})`));
    if (!typed.length) details.append(h('p', { class: 'muted' }, 'No typed relation.'));
    const list = h('ul', { id: 'profile-relations' });
    typed.forEach((j) => {
      const e = edges[j];
      const outgoing = e[0] === i || relations[e[2]][1];
      const phrase = outgoing ? [words(e[2]), ' ', nodeLink(other(j, i))]
        : [nodeLink(e[0]), ' ', words(e[2]), ' ', n.label];
      list.append(h('li', {}, phrase, ' ', edgeLink(j, `${e[3]} sentence${e[3] === 1 ? '' : 's'}`),
        e[4].length ? quote(e[4][0]) : null));
    });
    details.append(list);

    const co = incident[i].filter((j) => edges[j][2] === CO).sort((a, b) => edges[b][3] - edges[a][3]);
    if (co.length) {
      details.append(h('h3', {}, `Named in the same sentence as (${co.length})`));
      const shown = co.slice(0, 30);
      details.append(h('p', {}, shown.map((j, k) => [k ? ', ' : '', nodeLink(other(j, i)), ' (',
        edgeLink(j, String(edges[j][3])), ')']), co.length > shown.length ? `, and ${co.length - shown.length} more` : ''));
    }
    details.scrollTop = 0;
  }

  function showEdge(j) {
    const e = edges[j];
    details.replaceChildren();
    details.append(h('h2', { id: 'evidence-title' }, nodeLink(e[0]), ` ${words(e[2])} `, nodeLink(e[1])),
      h('p', { class: 'kind' }, relations[e[2]][2]));
    const facts = [h('dt', {}, 'sentences'), h('dd', {}, String(e[3]))];
    if (e[2] !== CO) facts.push(h('dt', {}, 'confidence'), h('dd', {}, String(e[5])));
    if (e[6]) facts.push(h('dt', {}, 'CAMEO'), h('dd', {}, e[6]));
    if (edgeDays[j].length) facts.push(h('dt', {}, 'dates'), h('dd', {},
      edgeDays[j].length === 1 ? edgeDays[j][0] : `${edgeDays[j][0]} to ${edgeDays[j][edgeDays[j].length - 1]}`));
    details.append(h('dl', {}, facts));
    details.append(h('h3', {}, 'Evidence'));
    const evidence = h('div', { id: 'evidence' });
    e[4].forEach((sentence) => evidence.append(...quote(sentence)));
    details.append(evidence);
    if (e[3] > e[4].length)
      details.append(h('p', { class: 'muted' }, `${e[4].length} of ${e[3]} sentences kept (--evidence-cap).`));
    details.scrollTop = 0;
  }

  function reveal(i) {
    if (!nodeShown[i]) { forced.add(i); applyFilters(); }
  }

  function select(i) {
    reveal(i);
    const node = nodeEl(i);
    cy.elements(':selected').unselect();
    node.select();
    const shownEdges = node.connectedEdges().filter((edge) => !edge.hasClass('hidden'));
    highlight(node.union(shownEdges).union(shownEdges.connectedNodes()));
    showNode(i);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
  }

  function selectEdge(j) {
    const e = edges[j];
    reveal(e[0]); reveal(e[1]);
    if (e[2] === CO && !coMentionsAdded) { state.relations[CO] = true; syncRelationBox(CO); applyFilters(); }
    const edge = cy.getElementById('e' + j);
    cy.elements(':selected').unselect();
    if (edge.nonempty()) { edge.select(); highlight(edge.union(edge.connectedNodes())); }
    showEdge(j);
  }

  function syncRelationBox(k) {
    const box = document.querySelector(`input[data-relation="${relations[k][0]}"]`);
    if (box) box.checked = state.relations[k];
  }

  cy.on('tap', 'node', (ev) => select(Number(ev.target.id().slice(1))));
  cy.on('tap', 'edge', (ev) => selectEdge(Number(ev.target.id().slice(1))));
  cy.on('tap', (ev) => {
    if (ev.target !== cy) return;
    cy.elements(':selected').unselect();
    highlight(null);
  });

  // --- search -------------------------------------------------------------------------
  const input = document.getElementById('search'), results = document.getElementById('results');
  let found = [], active = 0;

  function search(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const scored = [];
    searchText.forEach((names, i) => {
      let best = -1, matched = 0;
      names.forEach((name, k) => {
        const at = name.indexOf(q);
        if (at < 0) return;
        const score = name === q ? 3 : at === 0 ? 2 : /\s/.test(name[at - 1] || '') ? 1.5 : 1;
        if (score > best) { best = score; matched = k; }
      });
      if (best >= 0) scored.push({ i, score: best, alias: matched ? nodes[i].aliases[matched - 1][0] : null });
    });
    scored.sort((a, b) => b.score - a.score || pagerank(b.i) - pagerank(a.i) ||
      nodes[b.i].mentions - nodes[a.i].mentions);
    return scored;
  }

  function showResults() {
    results.replaceChildren();
    if (!input.value.trim()) { results.hidden = true; return; }
    results.hidden = false;
    if (!found.length) { results.append(h('li', { class: 'none' }, 'No entity has that name.')); return; }
    found.slice(0, 12).forEach((match, k) => {
      const n = nodes[match.i];
      results.append(h('li', { role: 'option', 'aria-selected': k === active ? 'true' : 'false',
        onmousedown: (ev) => { ev.preventDefault(); choose(k); } },
        chip(n.type), n.label, match.alias ? h('span', { class: 'also' }, `also \u201c${match.alias}\u201d`) : null));
    });
  }

  function choose(k) {
    const match = found[k];
    if (!match) return;
    results.hidden = true;
    input.value = nodes[match.i].label;
    select(match.i);
  }

  input.addEventListener('input', () => { found = search(input.value); active = 0; showResults(); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = Math.max(0, Math.min(Math.min(found.length, 12) - 1, active + (ev.key === 'ArrowDown' ? 1 : -1)));
      showResults();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!found.length) found = search(input.value);
      choose(active);
    } else if (ev.key === 'Escape') {
      results.hidden = true;
    }
  });
  input.addEventListener('blur', () => { results.hidden = true; });

  // --- start --------------------------------------------------------------------------
  function fit() {
    const shown = cy.elements().not('.hidden');
    cy.fit(shown.nonempty() ? shown : cy.elements(), 30);
    scaleMajorLabels();
  }
  document.getElementById('fit').addEventListener('click', fit);

  const typedCount = edges.filter((e) => e[2] !== CO).length;
  document.getElementById('summary').textContent =
    `${number(nodes.length)} entities, ${number(typedCount)} typed relations, ` +
    `${number(edges.length - typedCount)} co-mentions, ${number(data.documents.length)} articles`;
  buildFilters();
  applyFilters();
  fit();

  // For tests and the console.
  window.newsgraphExplorer = { cy, data, state, search, select, selectEdge, applyFilters,
    shown: () => shownCount };
  document.body.dataset.ready = 'true';
}());
