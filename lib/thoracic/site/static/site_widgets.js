// The exported pages' widgets, drawn without a widget renderer.
//
// A page keeps its widgets as nbconvert writes them: one script with every model's state
// (application/vnd.jupyter.widget-state+json) and, where each output was, a script naming
// the model to show (application/vnd.jupyter.widget-view+json). The course shows only a
// few kinds: boxes, HTML, and its anywidget front-ends (the timer and the parts). This draws boxes and
// HTML as plain elements and runs each anywidget module exactly as JupyterLab does, through
// anywidget's contract, render({ model, el }), with a small model over the saved state: no
// RequireJS, no renderer bundle and no icon fonts. A classic script, so it runs from
// file://; each module is imported from a blob: URL, which file:// pages may do.
(function (root) {
  "use strict";

  const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';
  const REFERENCE = "IPY_MODEL_";
  /** The saved state with each reference to a front-end module the export keeps once
   *  for the site (thoracic-modules.js) replaced by the module's text. */
  function withModules(state) {
    const { reference, texts } = root.ThoracicModules || { reference: null, texts: {} };
    return Object.fromEntries(Object.entries(state).map(([key, value]) =>
      [key, reference && typeof value === "string" && value.startsWith(reference)
        ? texts[value.slice(reference.length)] : value]));
  }

  /** anywidget's model contract over saved state: get, set, on/off, save_changes, send.
   *  There is no kernel, so saving and sending keep everything on the page; `emit` is how
   *  the page's host sends the front-end a message, as a kernel would (msg:custom). */
  function pageModel(saved) {
    const values = { ...saved };
    const listeners = new Map();
    const fire = (event, ...args) => {
      for (const callback of [...(listeners.get(event) || [])]) callback(...args);
    };
    return {
      get: (name) => values[name],
      set(name, value) {
        const before = values[name];
        values[name] = value;
        if (before !== value) {
          fire(`change:${name}`, value);
          fire("change", name);
        }
      },
      on(event, callback) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(callback);
      },
      off(event, callback) {
        if (!event) listeners.clear();
        else if (!callback) listeners.delete(event);
        else if (listeners.has(event)) listeners.get(event).delete(callback);
      },
      save_changes() {},
      send() {},
      emit: (content, buffers = []) => fire("msg:custom", content, buffers),
    };
  }

  const styled = new Set();

  function addStyle(id, css) {
    if (!css || styled.has(id)) return;
    styled.add(id);
    const style = root.document.createElement("style");
    style.textContent = css;
    root.document.head.append(style);
  }

  // Each module is imported once per page, however many widgets run it (a page has
  // several parts, all drawn by parts.js): a blob: URL, which file:// pages may import.
  // The map is the page's, shared with the modules' own imports (the timer's core).
  const imported = (root[Symbol.for("thoracic.imported")] ??= new Map());
  function importOnce(source) {
    if (!imported.has(source)) {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      imported.set(source, import(url).finally(() => URL.revokeObjectURL(url)));
    }
    return imported.get(source);
  }

  async function anywidget(state, el) {
    addStyle(state._css, state._css); // each stylesheet once, whichever widget brings it
    const module = await importOnce(state._esm);
    const widget = module.default || module;
    const render = typeof widget === "function" ? (await widget()).render : widget.render;
    const model = pageModel(state);
    // The course's parts keep what the learner does on this device (site_parts.js).
    if (root.ThoracicSite && root.ThoracicSite.connect) await root.ThoracicSite.connect(model, el);
    await render({ model, el });
  }

  /** The element for one model and its children; a promise of every module it started. */
  function draw(models, id, started) {
    const model = models[id];
    const el = root.document.createElement("div");
    if (!model) return el;
    const state = withModules(model.state || {});
    el.classList.add(...(state._dom_classes || []));
    if (model.model_module === "anywidget") {
      started.push(anywidget(state, el).catch((error) => {
        el.textContent = `This part could not start on this page (${error.message}).`;
        el.classList.add("thoracic-problem");
      }));
    } else if (Array.isArray(state.children)) {
      el.classList.add("widget-box", "widget-vbox");
      for (const child of state.children) {
        el.append(draw(models, String(child).replace(REFERENCE, ""), started));
      }
    } else if (typeof state.value === "string") {
      // The course's own HTML, written by its Python when the page was made.
      el.classList.add("widget-html");
      el.innerHTML = state.value;
    }
    return el;
  }

  /** Draw every widget on the page; resolves when every module has rendered. */
  function drawWidgets(document) {
    const saved = document.querySelector(STATE);
    if (!saved) return Promise.resolve();
    const models = JSON.parse(saved.textContent).state || {};
    const started = [];
    for (const view of document.querySelectorAll(VIEW)) {
      const { model_id: id } = JSON.parse(view.textContent);
      view.before(draw(models, id, started));
      view.remove();
    }
    return Promise.all(started);
  }

  root.ThoracicWidgets = { pageModel, drawWidgets, withModules };
  if (root.document) {
    // The modules this page's widgets run (the export names them on this script) start
    // loading now, from the head, while the rest of the page is still being read.
    const early = root.document.currentScript?.dataset.modules;
    const texts = root.ThoracicModules?.texts || {};
    for (const name of early ? early.split(" ") : []) {
      if (texts[name]) importOnce(texts[name]).catch(() => {}); // its widgets say if it fails
    }
    const start = () => drawWidgets(root.document);
    if (root.document.readyState === "loading") {
      root.document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }
})(globalThis);
