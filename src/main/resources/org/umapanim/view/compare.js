// umap-anim side-by-side viewer: reads this page's data blocks (written by org.umapanim.view.ComparePage),
// one panel per run, all at one progress (the fraction of each run's steps done), each framing its
// own run's layout; hovering a point rings the same row in every panel, a click keeps its trail in
// every panel, the legend hides a class in all. window.umapView is read by the tests.
(() => {
  'use strict';

  const FORMAT = 1;
  const PICK_RADIUS = 8;    // CSS px: how near the pointer a point must be to be picked
  const HASH_DELAY = 250;   // ms: browsers throttle history changes, so the URL follows once scrubbing pauses
  const MARGIN = 0.04;      // room around each layout, as the movie's follow camera leaves
  const PAD = 6;            // CSS px between the layout's square and the panel's edge
  const SLIDER = 1000;      // the slider's steps over progress 0 … 1
  const {block, decodePositions, hashParameters, rgbOf, chooseRenderer, fillCard, metricsChart, phaseLine, stepText} = umapViewerParts;
  const $ = (id) => document.getElementById(id);
  const root = document.documentElement;

  start().catch((error) => {
    root.dataset.state = 'error';
    $('status').hidden = false;
    $('status').textContent = 'This viewer could not start: ' + error.message;
    console.error(error);
  });

  /** The bounding square of each kept step's layout, with a margin: {cx, cy, side} in 16-bit units. */
  function frames(positions, n, kept) {
    const out = [];
    for (let k = 0; k < kept; k++) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let i = 0, o = k * 2 * n; i < n; i++) {
        const x = positions[o + 2 * i], y = positions[o + 2 * i + 1];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      out.push({cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, side: Math.max(64, Math.max(x1 - x0, y1 - y0) * (1 + 2 * MARGIN))});
    }
    return out;
  }

  async function start() {
    const meta = JSON.parse($('umap-meta').textContent);
    if (meta.format !== FORMAT) throw new Error(`the data is in format ${meta.format}, this script reads ${FORMAT}`);
    const n = meta.points;
    const [classBytes, items] = await Promise.all(['umap-classes', 'umap-items'].map(block));
    const classOf = meta.classBytes === 1 ? classBytes : new Uint16Array(classBytes.buffer, 0, n);
    if (classOf.length !== n) throw new Error(`${classOf.length} classes for ${n} points`);
    const classes = meta.classes.map((c) => ({name: c.name, colour: c.colour, rgb: rgbOf(c.colour), count: 0, hidden: false}));
    for (let i = 0; i < n; i++) classes[classOf[i]].count++;
    document.title = meta.title;
    $('title').textContent = meta.title;
    $('subtitle').textContent = meta.subtitle;

    const wanted = hashParameters().get('renderer');
    const panels = $('panels');
    panels.dataset.runs = meta.runs.length;
    const runs = [];
    for (let r = 0; r < meta.runs.length; r++) {
      const info = meta.runs[r];
      const planes = await block('umap-positions-' + r);
      const kept = info.epochs.length;
      const positions = decodePositions(planes, n, kept);
      const element = document.createElement('div');
      element.className = 'panel';
      element.innerHTML = '<h2><span class="name"></span><span class="step"></span></h2><div class="line"><div></div></div>'
          + '<div class="canvases"><canvas class="points"></canvas><canvas class="overlay"></canvas></div>';
      element.querySelector('.name').textContent = info.heading;
      element.querySelector('.line').style.background = phaseLine(info.phases, info.lastEpoch);
      panels.append(element);
      const canvas = element.querySelector('canvas.points');
      const metricsBlock = $('umap-metrics-' + r);
      runs.push({
        info, kept, positions, element, canvas, current: kept - 1,
        overlay: element.querySelector('canvas.overlay'),
        area: element.querySelector('.canvases'),
        renderer: chooseRenderer(canvas, n, wanted),
        boxes: frames(positions, n, kept),
        metrics: metricsBlock ? JSON.parse(metricsBlock.textContent) : null,
        size: {w: 1, h: 1, dpr: 1},
        chart: null,
      });
    }

    const slider = $('slider'), label = $('slider-label'), playButton = $('play'), speed = $('speed'), card = $('card');
    const trails = new Set();
    const longest = Math.max(...runs.map((run) => run.info.lastEpoch), 1);
    let progress = 1, hovered = -1, playing = false, lastTime = null, scheduled = false, dirty = true;
    let framesDrawn = 0, hashTimer = 0, agreementChart = null, chartDpr = 1;

    // ---- geometry per panel: 16-bit units of the run's unit square, y up; CSS pixels in its area ----
    const unit = (run) => Math.max(1, Math.min(run.size.w, run.size.h) - 2 * PAD) / run.boxes[run.current].side;
    const toArea = (run, x, y) => {
      const box = run.boxes[run.current], u = unit(run);
      return [run.size.w / 2 + (x - box.cx) * u, run.size.h / 2 - (y - box.cy) * u];
    };
    const at = (run, k, i) => toArea(run, run.positions[(k * n + i) * 2], run.positions[(k * n + i) * 2 + 1]);
    const pointSize = (run) => Math.round(Math.min(6, Math.max(2, 1600 / Math.sqrt(n) / 10)) * run.size.dpr);

    function resize() {
      const dpr = window.devicePixelRatio || 1;
      for (const run of runs) {
        run.size = {w: run.area.clientWidth, h: run.area.clientHeight, dpr};
        for (const canvas of [run.canvas, run.overlay]) {
          canvas.width = Math.max(1, Math.round(run.size.w * dpr));
          canvas.height = Math.max(1, Math.round(run.size.h * dpr));
        }
        if (run.chart) run.chart.resize();
      }
      chartDpr = dpr;
      if (agreementChart) agreementChart.resize();
      redraw();
    }

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
        if (lastTime !== null) show(Math.min(1, progress + (time - lastTime) / 1000 / Number(speed.value)));
        lastTime = time;
        if (progress >= 1) setPlaying(false);
        else schedule();
      }
      if (dirty) {
        dirty = false;
        draw();
      }
    }

    function draw() {
      for (const run of runs) {
        const box = run.boxes[run.current];
        run.renderer.draw(run.positions.subarray(run.current * 2 * n, (run.current + 1) * 2 * n),
            {cx: box.cx / 65535, cy: box.cy / 65535, scale: unit(run) * 65535 * run.size.dpr, size: pointSize(run)});
        drawOverlay(run);
        if (run.chart) run.chart.draw(run.info.epochs[run.current]);
      }
      if (agreementChart) agreementChart.draw(progress);
      if (framesDrawn++ === 0) {
        $('status').hidden = true;
        root.dataset.state = 'ready';
      }
    }

    function drawOverlay(run) {
      const g = run.overlay.getContext('2d');
      g.setTransform(run.size.dpr, 0, 0, run.size.dpr, 0, 0);
      g.clearRect(0, 0, run.size.w, run.size.h);
      for (const i of trails) {
        const c = classes[classOf[i]];
        if (c.hidden) continue;
        g.strokeStyle = c.colour;
        g.lineWidth = 1.5;
        g.beginPath();
        for (let k = 0; k <= run.current; k++) {
          const [x, y] = at(run, k, i);
          if (k === 0) g.moveTo(x, y);
          else g.lineTo(x, y);
        }
        g.stroke();
        ring(run, g, i, c.colour);
      }
      if (hovered >= 0) ring(run, g, hovered, '#fff');
    }

    function ring(run, g, i, colour) {
      const [x, y] = at(run, run.current, i);
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
      for (const run of runs) run.renderer.colours(rgba);
    }

    // ---- progress: each run shows its kept step nearest to progress × its last step -----------
    function nearest(run, epoch) {
      const epochs = run.info.epochs;
      let lo = 0, hi = run.kept - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (epochs[mid] <= epoch) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1 < run.kept && epochs[lo + 1] - epoch < epoch - epochs[lo] ? lo + 1 : lo;
    }

    function show(p) {
      progress = Math.max(0, Math.min(1, p));
      slider.value = Math.round(progress * SLIDER);
      label.textContent = Math.round(progress * 100) + ' %';
      for (const run of runs) {
        const last = run.info.lastEpoch;
        run.current = nearest(run, progress * last);
        const epoch = run.info.epochs[run.current];
        run.element.querySelector('.step').textContent = stepText(run.info.step, epoch, last, run.info.phases);
        run.element.querySelector('.line div').style.width = (last ? 100 * epoch / last : 100) + '%';
      }
      redraw();
    }

    function choose(p) {
      show(p);
      clearTimeout(hashTimer);
      hashTimer = setTimeout(() => {
        const parameters = hashParameters();
        parameters.delete('epoch');
        parameters.set('progress', progress.toFixed(3));
        const wanted = '#' + parameters;
        if (location.hash !== wanted) history.replaceState(null, '', wanted);
      }, HASH_DELAY);
    }

    /** The progress the URL asks for: #progress=0.42, or #epoch=N of the first run. */
    function progressInHash() {
      const parameters = hashParameters();
      const p = parameters.get('progress'), epoch = parameters.get('epoch');
      if (p !== null && /^\d*\.?\d+$/.test(p)) return Math.min(1, Number(p));
      if (epoch !== null && /^\d+$/.test(epoch)) return runs[0].info.lastEpoch ? Math.min(1, Number(epoch) / runs[0].info.lastEpoch) : 1;
      return null;
    }

    function setPlaying(on) {
      playing = on;
      playButton.textContent = on ? '❚❚' : '▶';
      playButton.setAttribute('aria-label', on ? 'Pause' : 'Play');
      if (on) {
        if (progress >= 1) choose(0);
        lastTime = null;
        schedule();
      } else {
        choose(progress);
      }
    }

    // ---- hover and trails, the same row in every panel --------------------------------------
    function pick(run, clientX, clientY) {
      const box = run.area.getBoundingClientRect();
      const px = clientX - box.left, py = clientY - box.top;
      const base = run.current * 2 * n;
      let best = -1, bestDistance = PICK_RADIUS * PICK_RADIUS;
      for (let i = 0; i < n; i++) {
        if (classes[classOf[i]].hidden) continue;
        const [x, y] = toArea(run, run.positions[base + 2 * i], run.positions[base + 2 * i + 1]);
        const d = (x - px) ** 2 + (y - py) ** 2;
        if (d <= bestDistance) {
          best = i;
          bestDistance = d;
        }
      }
      return best;
    }

    function hover(i, clientX, clientY) {
      if (i !== hovered) {
        hovered = i;
        if (i >= 0) fillCard(card, meta, items, i, classes[classOf[i]]);
        card.hidden = i < 0;
        redraw();
      }
      if (i >= 0) {
        let x = clientX + 16, y = clientY + 16;
        if (x + card.offsetWidth > window.innerWidth) x = Math.max(0, clientX - card.offsetWidth - 16);
        if (y + card.offsetHeight > window.innerHeight) y = Math.max(0, clientY - card.offsetHeight - 16);
        card.style.left = x + 'px';
        card.style.top = y + 'px';
      }
    }

    for (const run of runs) {
      run.area.addEventListener('pointermove', (event) => hover(pick(run, event.clientX, event.clientY), event.clientX, event.clientY));
      run.area.addEventListener('pointerleave', () => hover(-1));
      run.area.addEventListener('click', (event) => {
        const i = pick(run, event.clientX, event.clientY);
        if (i >= 0) {
          if (!trails.delete(i)) trails.add(i);
          redraw();
        }
        hover(i, event.clientX, event.clientY);
      });
    }

    // ---- legend: a class hidden in every panel -----------------------------------------------
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

    // ---- how far the runs agree, over progress; then each run's measures at its own step ---------
    const agreementBlock = $('umap-agreement');
    if (agreementBlock) {
      const heading = document.createElement('h3');
      heading.textContent = 'agreement of the 15 nearest neighbours';
      const canvas = document.createElement('canvas');
      canvas.className = 'agreement-chart';
      $('metrics').append(heading, canvas);
      $('metrics').hidden = false;
      agreementChart = metricsChart(canvas, JSON.parse(agreementBlock.textContent), 1, () => chartDpr);
    }
    for (const run of runs) {
      if (!run.metrics || !run.metrics.series.length) continue;
      const heading = document.createElement('h3');
      heading.textContent = run.info.heading;
      const canvas = document.createElement('canvas');
      canvas.className = 'metrics-chart';
      $('metrics').append(heading, canvas);
      $('metrics').hidden = false;
      run.chart = metricsChart(canvas, run.metrics, run.info.lastEpoch, () => run.size.dpr, run.info.phases);
    }

    // ---- input -----------------------------------------------------------------------------
    slider.addEventListener('input', () => choose(Number(slider.value) / SLIDER));
    playButton.addEventListener('click', () => {
      setPlaying(!playing);
      playButton.blur();
    });
    document.addEventListener('keydown', (event) => {
      if (event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        setPlaying(false);
        choose(progress + (event.key === 'ArrowRight' ? 1 : -1) / longest);
      } else if (event.key === ' ') {
        event.preventDefault();
        setPlaying(!playing);
      }
    });
    window.addEventListener('hashchange', () => {
      const p = progressInHash();
      if (p !== null && Math.abs(p - progress) > 1e-9) {
        setPlaying(false);
        choose(p);
      }
    });

    window.umapView = {
      get renderer() { return runs[0].renderer.kind; },
      get progress() { return progress; },
      get epochs() { return runs.map((run) => run.info.epochs[run.current]); },
      get hovered() { return hovered; },
      get framesDrawn() { return framesDrawn; },
      /** Where the data point (x, y) of run r's unit square is on screen, in CSS pixels of the viewport. */
      toScreen(r, x, y) {
        const run = runs[r], box = run.area.getBoundingClientRect(), [ax, ay] = toArea(run, x * 65535, y * 65535);
        return {x: box.left + ax, y: box.top + ay};
      },
    };

    colourPoints();
    const asked = progressInHash();
    show(asked === null ? 1 : asked);
    new ResizeObserver(resize).observe(panels);
    resize();
  }
})();
