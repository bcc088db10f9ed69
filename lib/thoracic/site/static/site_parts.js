// The hosts of the course's parts on the exported pages. Each part is drawn by the same
// front-end module as in JupyterLab (parts.js, run by site_widgets.js); in JupyterLab the
// kernel keeps what the learner does, and here each kind's host does it on this device:
// `kept` reads what the part shows from the device store, and each action awaits its write.
// After any action every part on the page is read again, so the safety check's banner
// and the progress page follow at once.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || {});
  const connected = new Set();

  const checklistDay = (config) => (config.daily ? Site.today() : "");
  const days = (checklist, store) => Object.fromEntries(Object.entries(store.ticks(checklist, { value: "updated_at" }))
    .map(([item, stamp]) => [item, stamp.slice(0, 10)])); // when each ticked item was ticked
  const safetyKept = (config, store) => ({
    ticked: store.ticks(config.checklist),
    checked_on: days(config.cleared_checklist, store),
    none_fit_on: days(config.none_fit_checklist, store)[config.none_fit_item] || null,
    today: Site.today(),
  });

  /** Today's next-day answer, if any, and whether there was practice before today. */
  function nextDay(records) {
    const today = Site.today();
    const saved = records.next_day_checks.find((check) => check.day === today);
    return { answer: saved ? saved.answer : null,
      practised: records.sessions.some((session) => session.day < today) };
  }

  /** The practice log under a timer: the timer's core decides what is logged and sends
   *  each entry as a "log" event (as in JupyterLab); this keeps it on the device and asks
   *  the rating beside the timer about the entry to rate. */
  function listenToTimer(model, el) {
    root.document.addEventListener("thoracic-timer", async ({ detail: entry, target }) => {
      const box = el.closest(".thoracic-practice");
      if (entry.type !== "log" || !box || !box.contains(target)) return;
      const version = entry.kind === "routine" ? null : entry.version;
      try {
        const id = await Site.store().recordSession(entry.kind, entry.exercise, entry.seconds,
          { sets: entry.sets, version });
        if (entry.rate) model.session = id;
      } catch (error) {
        // Not kept (the timer's core makes only entries the store takes, so the storage
        // failed): the page-wide notice says why, and the timer carries on.
      }
      Site.refreshParts();
      Site.showNotice();
    });
  }

  /** For each kind: what is kept (`kept`), how each message is kept (`actions`, which may
   *  return what to add to the status), and what the site adds once the part is connected
   *  (`connected`). */
  const HOSTS = {
    checklist: {
      // A list that means nothing here (sharing with a teacher) says so and keeps nothing.
      kept: (config, store) => (config.elsewhere ? { elsewhere: config.elsewhere }
        : { ticked: store.ticks(config.id, { day: checklistDay(config) }) }),
      actions: {
        tick(m, config, store) {
          if (config.elsewhere) throw new Error(config.elsewhere);
          return store.setTick(config.id, m.item, m.on, { day: checklistDay(config) });
        },
      },
    },
    safety: {
      kept: safetyKept,
      actions: {
        tick: (m, config, store) => store.setTick(config.checklist, m.item, m.on),
        clear: (m, config, store) => store.setTick(config.cleared_checklist, m.item, m.on),
        "none-fit": (m, config, store) => store.setTick(config.none_fit_checklist, config.none_fit_item, true),
      },
    },
    banner: { kept: safetyKept, actions: {} },
    quiz: {
      kept: () => ({}),
      actions: {
        answer(m, config, store) {
          const question = config.questions.find((q) => q.id === m.question);
          return store.recordQuizAnswer(question.id, m.choice, m.choice === question.answer);
        },
      },
    },
    "self-test": {
      kept: () => ({}),
      actions: {
        "self-test": async (m, config, store) => {
          // Typed, or measured by the phone with each side's tries (their median is the value).
          const method = m.method === "phone" ? "phone" : "typed";
          for (const [side, value] of m.values) {
            await store.recordSelfTest(config.test, value, { side, method, tries: method === "phone" ? m.tries[side] : null });
          }
        },
      },
    },
    "next-day": {
      kept: (config, store) => nextDay(store.records()),
      actions: { "next-day": (m, config, store) => store.recordNextDayCheck(m.answer) },
    },
    rating: {
      kept: (config, store, model) => ({ session: model.session || null,
        today: config.later ? store.records().sessions.filter((s) => s.day === Site.today()) : [] }),
      actions: { rate: (m, config, store) => store.rateSession(m.session, m.rating, m.note) },
      connected: listenToTimer,
    },
    entries: {
      kept(config, store) {
        const records = store.records();
        const entries = root.ThoracicRules.entry_kinds.flatMap((record) =>
          records[record].map((entry) => ({ ...entry, record })));
        return { entries: entries.sort((a, b) => (a.day + a.recorded_at < b.day + b.recorded_at ? -1 : 1))
          .slice(-config.window) };
      },
      actions: { delete: (m, config, store) => store.deleteEntries(m.ids) },
    },
    today: {
      kept(config, store) {
        const records = store.records();
        const { answer, practised } = nextDay(records);
        const since = root.ThoracicDevice.days.addDays(Site.today(), -config.recent_days);
        return { today: Site.today(), next_day_due: practised && !answer,
          safety_answered: config.safety.answers.some((checklist) => Object.keys(store.ticks(checklist)).length),
          sessions: records.sessions.filter((session) => session.day >= since),
          routine_minutes: root.ThoracicPlan.routineMinutes(root.ThoracicPlanRules,
            Site.thisWeeksPlan(), config.routine.id) };
      },
      actions: {},
    },
    // The plan, worked out from this device's history by the plan's browser half
    // (plan.js), from the rules Python's plan follows.
    plan: {
      kept(config, store) {
        const today = Site.today();
        return { today, weeks: config.view === "week" ? [Site.thisWeeksPlan()]
          : root.ThoracicPlan.planHistory(store.records(), today, root.ThoracicPlanRules) };
      },
      actions: {},
    },
    dashboard: {
      kept(config, store) {
        const records = store.records();
        return { today: Site.today(), sessions: records.sessions, self_tests: records.self_tests,
          next_day_checks: records.next_day_checks, quiz_answers: records.quiz_answers, example: false };
      },
      // The progress file both ways, as thoracic progress --export and --import write
      // and read it: the file goes back to the front-end as a message, which offers it.
      actions: {
        save(m, config, store, model) {
          const text = JSON.stringify(store.exportFile(), null, 1);
          model.emit({ file: { name: `${config.files.prefix}${Site.today()}.json`, text } });
        },
        async load(m, config, store, model, [bytes = new Uint8Array(0)] = []) {
          const data = root.ThoracicDevice.readProgressBytes(bytes, root.ThoracicRules, m.name, m.size);
          return { report: await store.importFile(data, { name: m.name }) };
        },
      },
    },
  };

  function refresh(model) {
    const host = HOSTS[model.get("kind")];
    try {
      model.set("kept", host.kept(model.get("config"), Site.store(), model));
    } catch (error) {
      model.set("saving", `⚠ ${error.message}`);
    }
  }

  /** A timer runs this week's doses from the device's plan, as in JupyterLab: a routine's
   *  with each exercise at its own, set before it draws (so a run that comes back after a
   *  reload comes back on the plan it ran); an exercise's at the plan's version, set once
   *  the device is read unless the timer has started, come back or been given another. */
  function atThisWeeksDose(model, el) {
    const rules = root.ThoracicPlanRules;
    const { name } = model.get("plan") || {};
    const routine = Object.keys(rules.routines).find((id) => rules.routines[id].name === name);
    const exercise = rules.exercises.find((candidate) => candidate.name === name);
    const before = model.get("version");
    if (routine) {
      return Site.open().then(() => model.set("plan", root.ThoracicPlan.routinePlan(rules, Site.thisWeeksPlan(), routine)));
    }
    return exercise && Site.open().then(() => {
      const status = el.querySelector(".ubr-timer")?.dataset.status ?? "idle"; // not drawn yet: idle
      if (model.get("version") !== before || status !== "idle") return;
      const level = Site.thisWeeksPlan().exercises.find((planned) => planned.id === exercise.id).level;
      if (model.get("versions").some((version) => version.key === level)) model.set("version", level);
    });
  }

  /** Make a page model the host of its part; false if it is not a part of the course (a
   *  timer is set to this week's doses first). */
  Site.connect = async function connect(model, el) {
    const host = HOSTS[model.get("kind")];
    if (!host) {
      const dose = model.get("looks") ? atThisWeeksDose(model, el) : null; // a timer
      if (model.get("plan")?.routine) await dose; // an exercise's timer draws meanwhile
      return false;
    }
    let handled = 0;
    model.send = async (message, callbacks, buffers) => {
      const act = message && Object.hasOwn(host.actions, message.do) && host.actions[message.do];
      let problem = "";
      let added = {};
      try {
        if (!act) throw new Error("this part does not take that");
        const result = await act(message, model.get("config"), Site.store(), model, buffers);
        if (result && result.constructor === Object) added = result; // not an id kept
      } catch (error) {
        problem = error.message;
      }
      Site.refreshParts();
      handled += 1;
      model.set("status", { ...added, n: handled, problem });
      Site.showNotice();
    };
    await Site.open(); // the part is drawn once what is kept has been read
    if (host.connected) host.connected(model, el);
    connected.add(model);
    refresh(model);
    return true;
  };

  Site.refreshParts = function refreshParts() {
    for (const model of connected) refresh(model);
  };
})(globalThis);
