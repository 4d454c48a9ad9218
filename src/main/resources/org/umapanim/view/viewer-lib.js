// umap-anim viewers' shared parts: the data blocks decoded, the points drawn with WebGL (a 2-D
// canvas where WebGL is missing or emulated), a hovered row's item, the measures' chart. Read by
// the one-run viewer (viewer.js) and the side-by-side viewer (compare.js), which this file precedes
// in the page's one script.
const umapViewerParts = (() => {
  'use strict';

  // WebGL run on the CPU draws points several times slower than the 2-D canvas does (bench/view,
  // 30,000 points in headless Chromium: 30 ms of SwiftShader work a frame against 5 ms), so the
  // canvas draws there; #renderer=webgl or #renderer=2d in the URL chooses either.
  const PHASE_BAND = '#2c2c44';   // as metrics.png's (render.MetricsChart.PHASE)
  const PHASE_LINE = '#5a5a5a';   // as the frames' progress line (render.Header.PHASE)
  const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software rasterizer|basic render/i;

  const $ = (id) => document.getElementById(id);

  /** The bytes of a binary block: base64 of zlib-deflated data. */
  async function block(id) {
    const element = $(id);
    const text = element.textContent;
    element.textContent = '';   // a large string the page no longer needs
    const packed = Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : fromBase64(text);
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /**
   * The layouts, epoch after epoch, x and y interleaved as 16-bit fractions of the unit square.
   * Each epoch is stored as four planes of n bytes (x low, y low, x high, y high) of zig-zag coded
   * differences from the previous epoch, added back modulo 2^16 (a Uint16Array wraps by itself).
   */
  function decodePositions(planes, n, kept) {
    if (planes.length !== kept * 4 * n) throw new Error(`positions hold ${planes.length} bytes, not ${kept} epochs of ${n} points`);
    const xy = new Uint16Array(kept * 2 * n);
    for (let k = 0; k < kept; k++) {
      const p = k * 4 * n, o = k * 2 * n, before = o - 2 * n;
      for (let i = 0; i < n; i++) {
        const zx = planes[p + i] | (planes[p + 2 * n + i] << 8);
        const zy = planes[p + n + i] | (planes[p + 3 * n + i] << 8);
        xy[o + 2 * i] = (k ? xy[before + 2 * i] : 0) + ((zx >>> 1) ^ -(zx & 1));
        xy[o + 2 * i + 1] = (k ? xy[before + 2 * i + 1] : 0) + ((zy >>> 1) ^ -(zy & 1));
      }
    }
    return xy;
  }

  /** The URL fragment's key=value pairs: epoch=N, renderer=webgl|2d. */
  function hashParameters() {
    return new URLSearchParams(location.hash.slice(1));
  }

  function rgbOf(hex) {
    const v = parseInt(hex.slice(1), 16);
    return [v >> 16, (v >> 8) & 255, v & 255];
  }

  // ---- renderers: draw(xy, view) with view = {cx, cy, scale, size} in device pixels ----------------

  const VERTEX = `
    attribute vec2 a_pos;
    attribute vec4 a_colour;
    uniform vec2 u_centre;
    uniform vec2 u_scale;
    uniform float u_size;
    varying vec3 v_colour;
    void main() {
      v_colour = a_colour.rgb;
      gl_PointSize = u_size;
      // a hidden class (alpha 0) is put outside the clip volume, where nothing is drawn
      gl_Position = a_colour.a > 0.0 ? vec4((a_pos - u_centre) * u_scale, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
    }`;
  const FRAGMENT = `
    precision mediump float;
    varying vec3 v_colour;
    void main() { gl_FragColor = vec4(v_colour, 1.0); }`;

  /** WebGL, unless the URL asks for the canvas, or WebGL is missing or emulated and the URL does not insist. */
  function chooseRenderer(canvas, n, wanted) {
    return (wanted === '2d' || (wanted !== 'webgl' && softwareGl()) ? null : webglRenderer(canvas, n))
        || canvasRenderer(canvas, n);
  }

  /** Whether WebGL runs on the CPU. Chromium and Safari name the renderer only through the debug extension. */
  function softwareGl() {
    const probe = document.createElement('canvas').getContext('webgl');
    if (!probe) return false;
    const plain = probe.getParameter(probe.RENDERER);
    const info = plain === 'WebKit WebGL' ? probe.getExtension('WEBGL_debug_renderer_info') : null;
    const name = info ? probe.getParameter(info.UNMASKED_RENDERER_WEBGL) : plain;
    return SOFTWARE_GL.test(name);
  }

  function webglRenderer(canvas, n) {
    const gl = canvas.getContext('webgl', {alpha: false, antialias: false, depth: false, stencil: false});
    if (!gl) return null;
    const program = gl.createProgram();
    for (const [type, source] of [[gl.VERTEX_SHADER, VERTEX], [gl.FRAGMENT_SHADER, FRAGMENT]]) {
      const shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error('WebGL shader: ' + gl.getShaderInfoLog(shader));
      gl.attachShader(program, shader);
    }
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error('WebGL program: ' + gl.getProgramInfoLog(program));
    gl.useProgram(program);
    const attribute = (name, size, type, bytes, usage) => {
      const buffer = gl.createBuffer();
      const location = gl.getAttribLocation(program, name);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, bytes, usage);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, true, 0, 0);
      return buffer;
    };
    // an epoch's positions go up each frame (4 bytes a point: 120 kB for 30,000 points)
    const positions = attribute('a_pos', 2, gl.UNSIGNED_SHORT, 4 * n, gl.DYNAMIC_DRAW);
    const colours = attribute('a_colour', 4, gl.UNSIGNED_BYTE, 4 * n, gl.STATIC_DRAW);
    const centre = gl.getUniformLocation(program, 'u_centre');
    const scale = gl.getUniformLocation(program, 'u_scale');
    const size = gl.getUniformLocation(program, 'u_size');
    return {
      kind: 'webgl',
      colours(rgba) {
        gl.bindBuffer(gl.ARRAY_BUFFER, colours);
        gl.bufferSubData(gl.ARRAY_BUFFER, 0, rgba);
      },
      draw(xy, view) {
        gl.viewport(0, 0, canvas.width, canvas.height);
        gl.clearColor(0, 0, 0, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
        gl.bindBuffer(gl.ARRAY_BUFFER, positions);
        gl.bufferSubData(gl.ARRAY_BUFFER, 0, xy);
        gl.uniform2f(centre, view.cx, view.cy);
        gl.uniform2f(scale, 2 * view.scale / canvas.width, 2 * view.scale / canvas.height);
        gl.uniform1f(size, view.size);
        gl.drawArrays(gl.POINTS, 0, n);
      },
    };
  }

  /** The fallback: squares written straight into the canvas's pixels, covering what WebGL's points would. */
  function canvasRenderer(canvas, n) {
    const context = canvas.getContext('2d', {alpha: false});
    const colours = new Uint32Array(n);
    let image = null, pixels = null;
    return {
      kind: '2d',
      colours(rgba) {
        for (let i = 0; i < n; i++) {   // little-endian RGBA words, as every browser's canvas holds them
          colours[i] = rgba[4 * i + 3] ? (0xff000000 | (rgba[4 * i + 2] << 16) | (rgba[4 * i + 1] << 8) | rgba[4 * i]) >>> 0 : 0;
        }
      },
      draw(xy, view) {
        const w = canvas.width, h = canvas.height;
        if (!image || image.width !== w || image.height !== h) {
          image = context.createImageData(w, h);
          pixels = new Uint32Array(image.data.buffer);
        }
        pixels.fill(0xff000000);
        const s = view.scale / 65535, size = view.size, half = size / 2 + 0.5;
        const ox = w / 2 - view.cx * view.scale, oy = h / 2 + view.cy * view.scale;
        for (let i = 0; i < n; i++) {
          const colour = colours[i];
          if (!colour) continue;
          const x0 = Math.ceil(ox + xy[2 * i] * s - half), y0 = Math.ceil(oy - xy[2 * i + 1] * s - half);
          for (let y = Math.max(0, y0); y < Math.min(h, y0 + size); y++) {
            for (let x = Math.max(0, x0); x < Math.min(w, x0 + size); x++) pixels[y * w + x] = colour;
          }
        }
        context.putImageData(image, 0, 0);
      },
    };
  }

  /** A measure's figure as every chart shows it: three significant digits, whatever its size. */
  function figure(value) {
    if (value === null || value === undefined || !Number.isFinite(value)) return '';
    return Math.abs(value) >= 1000 ? value.toExponential(2).replace('e+', 'e') : String(Number(value.toPrecision(3)));
  }

  /** The row's pixels in its class colour, opacity ink/255 over black: the movie legend's digits. */
  function imageOf(item, items, i, rgb) {
    const {width, height} = item, pixels = width * height;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = Math.min(224, 4 * width) + 'px';
    const g = canvas.getContext('2d');
    const image = g.createImageData(width, height);
    for (let p = 0; p < pixels; p++) {
      const ink = items[i * pixels + p] / 255;
      image.data.set([rgb[0] * ink, rgb[1] * ink, rgb[2] * ink, 255], 4 * p);
    }
    g.putImageData(image, 0, 0);
    return canvas;
  }

  function tableOf(item, items, n, i) {
    const columns = item.columns, values = new Float32Array(items.buffer, 0, n * columns.length);
    const table = document.createElement('table');
    columns.forEach((name, j) => {
      const row = table.insertRow();
      row.insertCell().textContent = name;
      row.insertCell().textContent = String(Number(values[i * columns.length + j].toPrecision(6)));
    });
    if (item.columnsTotal > columns.length) {
      const more = table.insertRow().insertCell();
      more.colSpan = 2;
      more.className = 'more';
      more.textContent = `… and ${item.columnsTotal - columns.length} more columns`;
    }
    return table;
  }

  /** Fills {@code card} with row {@code i}: its number, label and item. */
  function fillCard(card, meta, items, i, c) {
    card.replaceChildren();
    card.style.borderLeftColor = c.colour;
    const head = document.createElement('div');
    head.textContent = `row ${i}` + (meta.labelColumn ? ` · ${meta.labelColumn} ${c.name}` : '');
    card.append(head);
    card.append(meta.item.kind === 'image' ? imageOf(meta.item, items, i, c.rgb) : tableOf(meta.item, items, meta.points, i));
  }

  /** The phase of the run's steps (meta's {@code phases}: name, first, last) that {@code epoch} is in, or null. */
  function phaseAt(phases, epoch) {
    return (phases || []).find((p) => epoch >= p.first && epoch <= p.last) || null;
  }

  /** "iteration 94 / 750 · early exaggeration": the step shown, and the phase it is in. */
  function stepText(word, epoch, last, phases) {
    const phase = phaseAt(phases, epoch);
    return `${word} ${epoch} / ${last}` + (phase ? ` · ${phase.name}` : '');
  }

  /** The background of a progress line that shows each phase as a grey stretch of it, as the frames do. */
  function phaseLine(phases, last) {
    const at = (e) => (last ? Math.max(0, Math.min(1, e / last)) : 1) * 100;
    return (phases || []).map((p) => `linear-gradient(90deg, transparent ${at(p.first - 1)}%, ${PHASE_LINE} ${at(p.first - 1)}%, `
        + `${PHASE_LINE} ${at(p.last)}%, transparent ${at(p.last)}%)`).join(', ');
  }

  /**
   * The measures of a run in {@code canvas}: one row per series with its figure at the cursor,
   * a cursor at the step shown, each of {@code phases} a band over the steps its iterations move
   * between (first - 1 … last), named at its foot; {@code dpr()} the device pixels per CSS pixel.
   */
  function metricsChart(canvas, data, last, dpr, phases = []) {
    const g = canvas.getContext('2d'), ROW = 46;
    const ranges = data.series.map((s) => {
      const known = s.values.filter((v) => v !== null);
      return [Math.min(...known), Math.max(...known)];
    });
    let width = 1;
    return {
      resize() {
        width = canvas.clientWidth || 1;
        canvas.width = Math.round(width * dpr());
        canvas.height = Math.round(ROW * data.series.length * dpr());
        canvas.style.height = ROW * data.series.length + 'px';
      },
      draw(epoch) {
        g.setTransform(dpr(), 0, 0, dpr(), 0, 0);
        g.clearRect(0, 0, width, ROW * data.series.length);
        const x = (e) => (last ? e / last : 1) * (width - 2) + 1;
        for (const p of phases || []) {
          g.fillStyle = PHASE_BAND;
          g.fillRect(x(p.first - 1), 0, x(p.last) - x(p.first - 1), ROW * data.series.length);
          g.fillStyle = '#bbb';
          g.font = '11px "DejaVu Sans", Arial, sans-serif';
          g.fillText(p.name, x(p.first - 1) + 3, ROW * data.series.length - 2);
        }
        data.series.forEach((s, r) => {
          const [lo, hi] = ranges[r], top = r * ROW + 18, height = ROW - 24;
          const y = (v) => top + height - (hi > lo ? (v - lo) / (hi - lo) : 0.5) * height;
          const k = data.epochs.findLastIndex((e) => e <= epoch);
          const value = k >= 0 ? s.values[k] : null;
          g.fillStyle = '#fff';
          g.font = '12px "DejaVu Sans", Arial, sans-serif';
          g.fillText(s.name + (value === null ? '' : ' ' + figure(value)), 1, r * ROW + 12);
          g.strokeStyle = '#bbb';
          g.lineWidth = 1;
          g.beginPath();
          let drawing = false;
          s.values.forEach((v, j) => {
            if (v === null) {
              drawing = false;
            } else {
              if (drawing) g.lineTo(x(data.epochs[j]), y(v));
              else g.moveTo(x(data.epochs[j]), y(v));
              drawing = true;
            }
          });
          g.stroke();
        });
        g.fillStyle = '#fff';
        g.fillRect(Math.round(x(epoch)) - 1, 0, 2, ROW * data.series.length);
      },
    };
  }

  return {block, decodePositions, hashParameters, rgbOf, chooseRenderer, figure, fillCard, metricsChart, phaseAt, phaseLine, stepText};
})();
