// The exported pages' own script: the device store (ThoracicDevice, device.js) made once
// per page, the page-wide notice when this device can keep nothing, and the app's
// manifest and service worker. The course's interactive parts are drawn by their one
// front-end (site_widgets.js runs it) and kept on the device by their hosts (site_parts.js).
//
// A classic script, not a module: pages opened from file:// may not load module scripts.
// Everything shown from data is set as text, never as markup.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || {});
  let opened = null;
  let store = null;

  /** A global of the browser's; null where reading it throws, as some private modes do. */
  function pageOwn(name) {
    try {
      return root[name] || null;
    } catch (error) {
      return null;
    }
  }

  /** The device store, opened once per page: a promise of it (Site.store() is it once
   *  open). Where the browser keeps nothing, the store says so on every page. */
  Site.open = function open() {
    if (opened === null) {
      opened = root.ThoracicDevice.createDeviceStore({
        indexedDB: pageOwn("indexedDB"),
        storage: pageOwn("localStorage"),
        BroadcastChannel: pageOwn("BroadcastChannel"),
        changed: () => { Site.refreshParts(); Site.showNotice(); }, // another tab kept something
        now: () => new Date(),
        random: (count) => root.crypto.getRandomValues(new Uint8Array(count)),
        rules: root.ThoracicRules,
      }).then((made) => {
        store = made;
        // So the browser does not evict progress to free space: asked once there is some
        // to keep, and only until granted (Firefox asks the learner).
        const some = made.available && Object.values(made.records()).some((list) => list.length);
        if (some && root.navigator.storage?.persisted) {
          root.navigator.storage.persisted().then((kept) => kept || root.navigator.storage.persist());
        }
        return made;
      });
    }
    return opened;
  };

  Site.store = () => store;

  /** This week's plan from this device's history (plan.js, with Python's plan rules);
   *  once the store is open. */
  Site.thisWeeksPlan = () => root.ThoracicPlan.planWeek(Site.store().records(), Site.today(),
    root.ThoracicPlanRules);

  /** Today's local date as YYYY-MM-DD, as the device store writes days. */
  Site.today = function today() {
    return root.ThoracicDevice.days.localDay(new Date());
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
      notice = root.document.createElement("div");
      notice.className = "thoracic-storage-notice";
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

  /** The days of "this week" as the page was made, moved to the week it is read in (the
   *  pages are made once and read for weeks): <time data-week-day="0 to 6"> from Python. */
  function thisWeek() {
    const { number, fromNumber, monday } = root.ThoracicDevice.days;
    const start = monday(number(Site.today()));
    for (const node of root.document.querySelectorAll("time[data-week-day]")) {
      const day = new Date(`${fromNumber(start + Number(node.dataset.weekDay))}T00:00:00Z`);
      const words = day.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
      node.dateTime = day.toISOString().slice(0, 10);
      node.textContent = "number" in node.dataset ? String(day.getUTCDate())
        : `${words}${"year" in node.dataset ? ` ${day.getUTCFullYear()}` : ""}`;
    }
  }

  /** The sheet's week, doses, reasons and routine lengths, from the plan this device's
   *  history gives (the page was made with a first week's): what is marked data-plan. */
  async function planSheet() {
    const doc = root.document;
    if (!doc.querySelector("[data-plan-dose]")) return;
    await Site.open();
    const rules = root.ThoracicPlanRules;
    const week = Site.thisWeeksPlan();
    const planned = Object.fromEntries(week.exercises.map((exercise) => [exercise.id, exercise]));
    const each = (name, set) => doc.querySelectorAll(`[data-plan-${name}]`).forEach(set);
    each("week", (node) => { node.textContent = String(week.week_number); });
    each("first", (node) => { node.hidden = week.week_number !== 1; });
    each("dose", (node) => {
      const id = node.dataset.planDose;
      node.textContent = rules.exercises.find((exercise) => exercise.id === id).doses[planned[id].level];
    });
    const reasons = new Set(week.exercises.map((exercise) => exercise.reason));
    each("why", (node) => { node.textContent = planned[node.dataset.planWhy].reason; node.hidden = reasons.size === 1; });
    each("why-all", (node) => { node.textContent = week.exercises[0].reason; node.parentNode.hidden = reasons.size !== 1; });
    each("minutes", (node) => {
      node.textContent = `${root.ThoracicPlan.routineMinutes(rules, week, node.dataset.planMinutes)} min`;
    });
  }

  function start() {
    thisWeek();
    planSheet();
    Site.open().then(Site.showNotice);
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
