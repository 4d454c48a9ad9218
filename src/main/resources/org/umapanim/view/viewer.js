// umap-anim viewer: reads this page's data blocks (written by org.umapanim.view.ViewPage), draws
// the epoch chosen with WebGL points (a 2-D canvas where WebGL is missing or emulated) and lets one scrub,
// play, hover, keep trails, hide classes, pan and zoom. Plain JavaScript and the browser's own
// APIs (DecompressionStream: Chromium 80, Firefox 113, Safari 16.4), so it needs no network.
// window.umapView is read by the tests and the benchmark.
(() => {
  'use strict';

  const FORMAT = 1;
  const PAD = 12;           // CSS px between the unit square and the plot's edge at zoom 1
  const PICK_RADIUS = 8;    // CSS px: how near the pointer a point must be to be picked
  const DRAG = 4;           // CSS px the pointer may move and still click
  const HASH_DELAY = 250;   // ms: browsers throttle history changes, so the URL follows once scrubbing pauses
  const ZOOM_LIMITS = [0.5, 400];

  const {block, decodePositions, hashParameters, rgbOf, chooseRenderer, fillCard, metricsChart, phaseLine, stepText} = umapViewerParts;
  const $ = (id) => document.getElementById(id);
  const root = document.documentElement;

  start().catch((error) => {
    root.dataset.state = 'error';
    $('status').hidden = false;
    $('status').textContent = 'This viewer could not start: ' + error.message;
    console.error(error);
  });

  // ---- the viewer ---------------------------------------------------------------------------

  async function start() {
    const meta = JSON.parse($('umap-meta').textContent);
    if (meta.format !== FORMAT) throw new Error(`the data is in format ${meta.format}, this script reads ${FORMAT}`);
    const metricsBlock = $('umap-metrics');
    const metrics = metricsBlock ? JSON.parse(metricsBlock.textContent) : null;
    const [classBytes, items, planes] = await Promise.all(['umap-classes', 'umap-items', 'umap-positions'].map(block));
    const n = meta.points, epochs = meta.epochs, kept = epochs.length, last = meta.lastEpoch;
    const classOf = meta.classBytes === 1 ? classBytes : new Uint16Array(classBytes.buffer, 0, n);
    if (classOf.length !== n) throw new Error(`${classOf.length} classes for ${n} points`);
    const positions = decodePositions(planes, n, kept);
    const classes = meta.classes.map((c) => ({name: c.name, colour: c.colour, rgb: rgbOf(c.colour), count: 0, hidden: false}));
    for (let i = 0; i < n; i++) classes[classOf[i]].count++;

    document.title = meta.title;
    $('title').textContent = meta.title;
    $('subtitle').textContent = meta.subtitle;
    // the reducer's word for a step: "epoch" for UMAP (and pages written before it was recorded)
    const step = meta.step || 'epoch';
    for (const word of document.querySelectorAll('.step')) word.textContent = step;
    $('epoch').setAttribute('aria-label', step[0].toUpperCase() + step.slice(1));
    $('progress').style.background = phaseLine(meta.phases, meta.lastEpoch);

    const area = $('canvases'), pointsCanvas = $('points'), overlay = $('overlay'), card = $('card');
    const slider = $('epoch'), label = $('epoch-label'), playButton = $('play'), speed = $('speed');
    const renderer = chooseRenderer(pointsCanvas, n, hashParameters().get('renderer'));
    const overlayContext = overlay.getContext('2d');
    const view = {zoom: 1, cx: 0.5, cy: 0.5};
    const trails = new Set();
    let current = kept - 1, hovered = -1, playing = false, playEpoch = 0, lastTime = null;
    let scheduled = false, dirty = true, framesDrawn = 0, hashTimer = 0;
    let size = {w: 1, h: 1, dpr: 1};

    slider.max = last;

    // ---- geometry: data in [0,1]², y up; CSS pixels within the plot area --------------------
    const unit = () => Math.max(1, Math.min(size.w, size.h) - 2 * PAD) * view.zoom;
    const toArea = (x, y) => [size.w / 2 + (x - view.cx) * unit(), size.h / 2 - (y - view.cy) * unit()];
    const fromArea = (ax, ay) => [view.cx + (ax - size.w / 2) / unit(), view.cy - (ay - size.h / 2) / unit()];
    const pointSize = () => Math.round(Math.min(6, Math.max(2, 2 * Math.sqrt(view.zoom))) * size.dpr);
    const at = (k, i) => toArea(positions[(k * n + i) * 2] / 65535, positions[(k * n + i) * 2 + 1] / 65535);

    function resize() {
      const dpr = window.devicePixelRatio || 1;
      size = {w: area.clientWidth, h: area.clientHeight, dpr};
      for (const canvas of [pointsCanvas, overlay]) {
        canvas.width = Math.max(1, Math.round(size.w * dpr));
        canvas.height = Math.max(1, Math.round(size.h * dpr));
      }
      if (chart) chart.resize();
      redraw();
    }

    // ---- drawing, once per animation frame when something changed ---------------------------
    function redraw() {
      dirty = true;
      schedule();
    }

    function schedule() {
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(tick);
      }
    }

    function tick(time) {
      scheduled = false;
      if (playing) {
        if (lastTime !== null) playEpoch += Number(speed.value) * (time - lastTime) / 1000;
        lastTime = time;
        const k = atOrBefore(Math.min(last, Math.floor(playEpoch)));
        if (k !== current) choose(k);
        if (playEpoch >= last) setPlaying(false);
        else schedule();
      }
      if (dirty) {
        dirty = false;
        draw();
      }
    }

    function draw() {
      renderer.draw(positions.subarray(current * 2 * n, (current + 1) * 2 * n),
          {cx: view.cx, cy: view.cy, scale: unit() * size.dpr, size: pointSize()});
      drawOverlay();
      if (chart) chart.draw(epochs[current]);
      if (framesDrawn++ === 0) {
        performance.mark('umap-first-frame');
        $('status').hidden = true;
        root.dataset.state = 'ready';
      }
    }

    function drawOverlay() {
      const g = overlayContext;
      g.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
      g.clearRect(0, 0, size.w, size.h);
      for (const i of trails) {
        const c = classes[classOf[i]];
        if (c.hidden) continue;
        g.strokeStyle = c.colour;
        g.lineWidth = 1.5;
        g.beginPath();
        for (let k = 0; k < kept; k++) {
          const [x, y] = at(k, i);
          if (k === 0) g.moveTo(x, y);
          else g.lineTo(x, y);
        }
        g.stroke();
        ring(g, i, c.colour);
      }
      if (hovered >= 0) ring(g, hovered, '#fff');
    }

    function ring(g, i, colour) {
      const [x, y] = at(current, i);
      g.strokeStyle = colour;
      g.lineWidth = 2;
      g.beginPath();
      g.arc(x, y, 6, 0, 2 * Math.PI);
      g.stroke();
    }

    function colourPoints() {
      const rgba = new Uint8Array(4 * n);
      for (let i = 0; i < n; i++) {
        const c = classes[classOf[i]];
        rgba.set(c.rgb, 4 * i);
        rgba[4 * i + 3] = c.hidden ? 0 : 255;
      }
      renderer.colours(rgba);
    }

    // ---- epochs ---------------------------------------------------------------------------
    /** The kept epoch nearest to {@code epoch}. */
    function nearest(epoch) {
      const k = atOrBefore(epoch);
      return k + 1 < kept && epochs[k + 1] - epoch < epoch - epochs[k] ? k + 1 : k;
    }

    /** The last kept epoch at or before {@code epoch} (0 is always kept). */
    function atOrBefore(epoch) {
      let lo = 0, hi = kept - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (epochs[mid] <= epoch) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }

    function show(k) {
      current = Math.max(0, Math.min(kept - 1, k));
      const epoch = epochs[current];
      slider.value = epoch;
      label.textContent = stepText(step, epoch, last, meta.phases);
      $('progress').firstElementChild.style.width = (last ? 100 * epoch / last : 100) + '%';
      redraw();
    }

    /** Shows {@code k} on the user's request, and lets the URL follow. */
    function choose(k) {
      show(k);
      clearTimeout(hashTimer);
      hashTimer = setTimeout(() => {
        const parameters = hashParameters();
        parameters.set('epoch', epochs[current]);
        const wanted = '#' + parameters;
        if (location.hash !== wanted) history.replaceState(null, '', wanted);
      }, HASH_DELAY);
    }

    function epochInHash() {
      const epoch = hashParameters().get('epoch');
      return epoch !== null && /^\d+$/.test(epoch) ? Number(epoch) : null;
    }

    function setPlaying(on) {
      playing = on;
      playButton.textContent = on ? '❚❚' : '▶';
      playButton.setAttribute('aria-label', on ? 'Pause' : 'Play');
      if (on) {
        if (current === kept - 1) choose(0);
        playEpoch = epochs[current];
        lastTime = null;
        schedule();
      }
    }

    // ---- hover card ------------------------------------------------------------------------
    /** The visible point nearest to the pointer, within PICK_RADIUS, or -1. */
    function pick(clientX, clientY) {
      const box = area.getBoundingClientRect();
      const px = clientX - box.left, py = clientY - box.top;
      const s = unit() / 65535, ox = size.w / 2 - view.cx * unit(), oy = size.h / 2 + view.cy * unit();
      const base = current * 2 * n;
      let best = -1, bestDistance = PICK_RADIUS * PICK_RADIUS;
      for (let i = 0; i < n; i++) {
        if (classes[classOf[i]].hidden) continue;
        const dx = ox + positions[base + 2 * i] * s - px, dy = oy - positions[base + 2 * i + 1] * s - py;
        const d = dx * dx + dy * dy;
        if (d <= bestDistance) {   // "<=": of points at one spot, the one drawn last, on top
          best = i;
          bestDistance = d;
        }
      }
      return best;
    }

    function hover(i, clientX, clientY) {
      if (i !== hovered) {
        hovered = i;
        if (i >= 0) showCard(i);
        card.hidden = i < 0;
        redraw();
      }
      if (i >= 0) placeCard(clientX, clientY);
    }

    function showCard(i) {
      fillCard(card, meta, items, i, classes[classOf[i]]);
    }

    function placeCard(clientX, clientY) {
      const box = area.getBoundingClientRect();
      let x = clientX - box.left + 16, y = clientY - box.top + 16;
      if (x + card.offsetWidth > size.w) x = Math.max(0, x - card.offsetWidth - 32);
      if (y + card.offsetHeight > size.h) y = Math.max(0, y - card.offsetHeight - 32);
      card.style.left = x + 'px';
      card.style.top = y + 'px';
    }

    // ---- legend ----------------------------------------------------------------------------
    classes.forEach((c, index) => {
      const item = document.createElement('li');
      item.setAttribute('role', 'button');
      item.setAttribute('aria-pressed', 'true');
      item.title = 'Click to hide or show';
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = c.colour;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = c.name === '' ? 'all points' : c.name;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = c.count.toLocaleString('en');
      item.append(swatch, name, count);
      item.dataset.class = index;
      item.addEventListener('click', () => {
        c.hidden = !c.hidden;
        item.classList.toggle('off', c.hidden);
        item.setAttribute('aria-pressed', String(!c.hidden));
        if (hovered >= 0 && classOf[hovered] === index) hover(-1);
        colourPoints();
        redraw();
      });
      $('legend').append(item);
    });

    // ---- metrics chart: one row per series, a cursor at the epoch shown --------------------
    const chart = metrics && metrics.series.length ? metricsChart($('metrics-chart'), metrics, last, () => size.dpr, meta.phases) : null;
    if (chart) $('metrics').hidden = false;

    // ---- input -----------------------------------------------------------------------------
    slider.addEventListener('input', () => {
      const k = nearest(Number(slider.value));
      if (playing) playEpoch = epochs[k];
      choose(k);
    });
    playButton.addEventListener('click', () => {
      setPlaying(!playing);
      playButton.blur();   // so space plays, rather than pressing the button as well
    });
    $('reset').addEventListener('click', (event) => {
      Object.assign(view, {zoom: 1, cx: 0.5, cy: 0.5});
      event.currentTarget.blur();
      redraw();
    });
    document.addEventListener('keydown', (event) => {
      if (event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();   // also keeps a focused slider from moving a second time
        setPlaying(false);
        choose(current + (event.key === 'ArrowRight' ? 1 : -1));
      } else if (event.key === ' ') {
        event.preventDefault();
        setPlaying(!playing);
      }
    });
    window.addEventListener('hashchange', () => {
      const epoch = epochInHash();
      if (epoch !== null && epoch !== epochs[current]) {
        setPlaying(false);
        choose(nearest(epoch));
      }
    });

    let press = null;
    area.addEventListener('pointerdown', (event) => {
      press = {x: event.clientX, y: event.clientY, cx: view.cx, cy: view.cy, moved: false};
      area.setPointerCapture(event.pointerId);
    });
    area.addEventListener('pointermove', (event) => {
      if (press) {
        const dx = event.clientX - press.x, dy = event.clientY - press.y;
        press.moved = press.moved || Math.hypot(dx, dy) > DRAG;
        if (press.moved) {
          view.cx = press.cx - dx / unit();
          view.cy = press.cy + dy / unit();
          hover(-1);
          redraw();
          return;
        }
      }
      if (event.pointerType === 'mouse') hover(pick(event.clientX, event.clientY), event.clientX, event.clientY);
    });
    area.addEventListener('pointerup', (event) => {
      if (press && !press.moved) {   // a click or a tap: show the point and keep or drop its trail
        const i = pick(event.clientX, event.clientY);
        if (i >= 0) {
          if (!trails.delete(i)) trails.add(i);
          redraw();
        }
        hover(i, event.clientX, event.clientY);
      }
      press = null;
    });
    area.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse' && !press) hover(-1);
    });
    area.addEventListener('wheel', (event) => {
      event.preventDefault();
      const box = area.getBoundingClientRect();
      const ax = event.clientX - box.left, ay = event.clientY - box.top;
      const [x, y] = fromArea(ax, ay);
      view.zoom = Math.min(ZOOM_LIMITS[1], Math.max(ZOOM_LIMITS[0], view.zoom * Math.exp(-event.deltaY * 0.002)));
      // keep the data under the pointer where it is
      view.cx = x - (ax - size.w / 2) / unit();
      view.cy = y + (ay - size.h / 2) / unit();
      hover(-1);
      redraw();
    }, {passive: false});

    window.umapView = {
      get renderer() { return renderer.kind; },
      get epoch() { return epochs[current]; },
      get framesDrawn() { return framesDrawn; },
      /** Where the data point (x, y) of the unit square is on screen, in CSS pixels of the viewport. */
      toScreen(x, y) {
        const box = area.getBoundingClientRect(), [ax, ay] = toArea(x, y);
        return {x: box.left + ax, y: box.top + ay};
      },
    };

    colourPoints();
    const asked = epochInHash();
    if (asked === null) show(kept - 1);
    else choose(nearest(asked));
    new ResizeObserver(resize).observe(area);
    resize();
  }
})();
