// The exported pages' own script: the device store (ThoracicDevice, device.js) made once
// per page, small helpers for the site's own controls, the page-wide notice when this
// device can keep nothing, and the app's manifest and service worker. The course's
// interactive parts are drawn by their one front-end (site_widgets.js runs it) and kept
// on the device by their hosts (site_parts.js).
//
// A classic script, not a module: pages opened from file:// may not load module scripts.
// Everything shown from data is set as text, never as markup.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || {});
  let store = null;

  /** Storage that refuses everything: what the page gets when the browser keeps nothing. */
  function refusingStorage(reason) {
    const refuse = () => {
      throw new Error(reason);
    };
    return { getItem: refuse, setItem: refuse, removeItem: refuse };
  }

  function pageStorage() {
    try {
      // Reading the property itself throws where storage is blocked (some private modes).
      return root.localStorage || refusingStorage("this browser has no storage");
    } catch (error) {
      return refusingStorage(String(error && error.message ? error.message : error));
    }
  }

  /** The device store, made once per page. */
  Site.store = function deviceStore() {
    if (store === null) {
      store = root.ThoracicDevice.createDeviceStore({
        storage: pageStorage(),
        now: () => new Date(),
        random: (count) => root.crypto.getRandomValues(new Uint8Array(count)),
        rules: root.ThoracicRules,
      });
    }
    return store;
  };

  /** A new element with a class and text (never markup from data). */
  Site.element = function element(tag, className, text) {
    const node = root.document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  Site.button = function button(text, className) {
    const node = Site.element("button", className || "thoracic-button", text);
    node.type = "button";
    return node;
  };

  /** Today's local date as YYYY-MM-DD, as the device store writes days. */
  Site.today = function today() {
    return root.ThoracicDevice.days.localDay(new Date());
  };

  /** A status line inside a part: role=status for news, role=alert for problems. */
  Site.say = function say(node, text, problem) {
    node.setAttribute("role", problem ? "alert" : "status");
    node.textContent = text;
    Site.showNotice();
  };

  /** The page-wide notice when this device cannot keep anything. */
  Site.showNotice = function showNotice() {
    const problem = Site.store().problem;
    let notice = root.document.getElementById("thoracic-storage-notice");
    if (!problem) {
      if (notice) notice.remove();
      return;
    }
    if (!notice) {
      notice = Site.element("div", "thoracic-storage-notice");
      notice.id = "thoracic-storage-notice";
      notice.setAttribute("role", "alert");
      const main = root.document.querySelector("main") || root.document.body;
      main.prepend(notice);
    }
    notice.textContent = `⚠ ${problem}`;
  };

  function registerServiceWorker() {
    const here = root.location;
    if (here.protocol === "file:") return; // a file:// page may not load a manifest or a worker
    // Installable: the manifest link goes in only where it can load.
    const home = root.document.querySelector('link[rel="home"]');
    const manifest = root.document.createElement("link");
    manifest.rel = "manifest";
    manifest.href = new URL("manifest.webmanifest", home ? home.href : here.href).href;
    root.document.head.append(manifest);
    // Offline after the first visit, where browsers allow it: https, or this computer.
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(here.hostname);
    if (!("serviceWorker" in root.navigator) || !(here.protocol === "https:" || local)) return;
    root.navigator.serviceWorker.register("sw.js").catch((error) => {
      root.console.warn(`The course could not save itself for offline use: ${error.message}`);
    });
  }

  function start() {
    Site.showNotice();
    registerServiceWorker();
  }

  if (root.document) {
    if (root.document.readyState === "loading") {
      root.document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }
})(globalThis);
