// The exercise timer's view: an anywidget front-end module.
//
// Python sends the plan; this module keeps time itself, from performance.now(), through
// the pure state machine in timer_core.js (sent as the `core` trait and imported from a
// blob, since a module loaded by anywidget cannot import its neighbours by path). Every
// animation frame reads the clock and redraws; tones are scheduled ahead on the audio
// clock; phase changes are spoken, announced to screen readers, and reported to Python.
// With no kernel (the exported pages) it works the same, and simply reports to no one.

const TONES = {
  // [frequency in Hz, seconds, loudness] per note; each cue has its own tune.
  "get-ready": [[523, 0.18, 0.25]],
  start: [[660, 0.12, 0.3], [880, 0.22, 0.3]],
  countdown: [[660, 0.09, 0.22]],
  switch: [[740, 0.12, 0.3], [587, 0.12, 0.3], [740, 0.2, 0.3]],
  rest: [[523, 0.15, 0.25], [392, 0.3, 0.25]],
  done: [[523, 0.14, 0.3], [659, 0.14, 0.3], [784, 0.4, 0.3]],
  beat: [[330, 0.05, 0.1]],
};
const KEYS = { " ": "toggle", n: "skip", d: "done", m: "mute", f: "mat" };
const GET_READY_CHOICES = [5, 10, 15, 20, 30];
const STORE = "thoracic-timer-";
// A run left longer ago than this is not picked up again (the course's own rule: by then
// the learner has cooled down and the next session starts afresh).
const RUN_KEPT_MS = 2 * 60 * 60 * 1000;
// What the timer says at its end, when something was logged and when nothing was.
const FINISHED = "Well done! You finished this timer.";
const SKIPPED_THROUGH = "Finished, but every part was skipped, so nothing was logged. Press Reset to do it for real.";
// Module texts imported by this page (the exported site starts them from its head).
const imported = (globalThis[Symbol.for("thoracic.imported")] ??= new Map());

/** Whether `root` is the first timer in the JupyterLab cell that is selected, with its
 * notebook in command mode and the key pressed inside that notebook (not in an editor,
 * another notebook or a dialog). Never true outside JupyterLab. */
function selectedInCommandMode(root, event) {
  const cell = root.closest(".jp-Cell");
  const notebook = cell?.closest(".jp-Notebook");
  if (!notebook || !notebook.classList.contains("jp-mod-commandMode")) return false;
  if (!cell.classList.contains("jp-mod-active") || !notebook.contains(event.target)) return false;
  if (event.target.closest?.("input, textarea, select, [contenteditable='true'], .cm-editor")) {
    return false;
  }
  return cell.querySelector(".ubr-timer") === root;
}

/** The pure state machine, imported once per source text. */
function loadCore(source) {
  if (!imported.has(source)) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    imported.set(source, import(/* webpackIgnore: true */ url));
  }
  return imported.get(source);
}

function remembered(name, fallback) {
  try {
    const value = globalThis.localStorage?.getItem(STORE + name);
    return value === null || value === undefined ? fallback : value === "true";
  } catch {
    return fallback; // storage blocked: the switch still works for this page
  }
}

function remember(name, value) {
  try {
    globalThis.localStorage?.setItem(STORE + name, String(value));
  } catch {
    /* storage blocked: nothing to keep */
  }
}

/** The run kept for `name` when the page went away, if it is recent enough to go on. */
function keptRun(name) {
  try {
    const run = JSON.parse(globalThis.localStorage?.getItem(`${STORE}run:${name}`) ?? "null");
    return run && Date.now() - run.savedAt < RUN_KEPT_MS && run.savedAt <= Date.now() ? run : null;
  } catch {
    return null; // storage blocked or the entry damaged: a fresh start
  }
}

/** A plan's phases and length, to tell whether a kept run was on the same plan. */
const shapeOf = (plan) => `${plan.phases.length} phases, ${plan.phases.reduce((sum, phase) => sum + phase.seconds, 0)} s`;

/** Keep (or with `run` null, forget) the run of `name`, so a reload carries on. */
function keepRun(name, run) {
  try {
    const key = `${STORE}run:${name}`;
    if (run) globalThis.localStorage?.setItem(key, JSON.stringify({ ...run, savedAt: Date.now() }));
    else globalThis.localStorage?.removeItem(key);
  } catch {
    /* storage blocked or full: the run simply is not carried over a reload */
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label, key, title) {
  const node = element("button", "ubr-button", label);
  node.type = "button";
  node.title = `${title} (key: ${key})`;
  node.setAttribute("aria-keyshortcuts", key === "Space" ? "Space" : key.toUpperCase());
  return node;
}

/** Tones on the Web Audio clock, scheduled ahead so they land on time. */
class Sounder {
  constructor() {
    this.context = null;
    this.pending = [];
  }

  wake() {
    const Context = globalThis.AudioContext || globalThis.webkitAudioContext;
    if (!Context) return;
    this.context ??= new Context();
    if (this.context.state === "suspended") this.context.resume();
  }

  play(kind, inSeconds) {
    if (!this.context) return null;
    const now = this.context.currentTime;
    let when = now + Math.max(0, inSeconds);
    const start = when;
    for (const [frequency, seconds, loudness] of TONES[kind] ?? []) {
      const oscillator = this.context.createOscillator();
      const gain = this.context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0, when);
      gain.gain.linearRampToValueAtTime(loudness, when + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, when + seconds);
      oscillator.connect(gain).connect(this.context.destination);
      oscillator.start(when);
      oscillator.stop(when + seconds + 0.02);
      this.pending.push({ oscillator, when });
      when += seconds + 0.03;
    }
    this.pending = this.pending.filter((p) => p.when > now - 1);
    return start;
  }

  /** Silence every tone not yet begun (after a pause, skip or reset). */
  cancel() {
    const now = this.context?.currentTime ?? 0;
    for (const { oscillator, when } of this.pending) {
      if (when > now) oscillator.stop();
    }
    this.pending = [];
  }
}

/** Short spoken cues through the browser's speech synthesis, where a voice exists. */
class Speaker {
  constructor(onNoVoice) {
    this.synth = globalThis.speechSynthesis;
    this.onNoVoice = onNoVoice;
    this.told = false;
  }

  available() {
    return Boolean(this.synth && this.synth.getVoices().length);
  }

  say(text) {
    if (!this.available()) {
      if (!this.told) this.onNoVoice();
      this.told = true;
      return;
    }
    this.synth.cancel(); // only the newest cue: never a queue of old ones
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = 0.95;
    this.synth.speak(utterance);
  }
}

/** Keeps the screen on while the timer runs, where the browser allows it. */
class WakeLock {
  constructor() {
    this.lock = null;
  }

  async hold() {
    if (this.lock || !navigator.wakeLock || document.visibilityState !== "visible") return;
    try {
      this.lock = await navigator.wakeLock.request("screen");
      this.lock.addEventListener("release", () => (this.lock = null));
    } catch {
      this.lock = null; // not allowed here (no secure context, battery saver): carry on
    }
  }

  release() {
    this.lock?.release();
    this.lock = null;
  }
}

function build(el, plan, model) {
  const root = element("section", "ubr-timer");
  root.tabIndex = 0;
  root.dataset.plan = plan.name; // where "Do it now" finds this timer
  root.setAttribute("aria-label", `Timer: ${plan.name}. Keys: Space start or pause, N skip, D done with set, M mute, F mat view.`);
  // JupyterLab leaves keys pressed inside this element to the timer (no cell shortcuts).
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  const parts = {
    root,
    title: element("h3", "ubr-title", `Timer: ${plan.name}`),
    face: element("div", "ubr-face"),
    phase: element("div", "ubr-phase"),
    symbol: element("span", "ubr-symbol"),
    word: element("span", "ubr-word"),
    time: element("div", "ubr-time"),
    counters: element("div", "ubr-counters"),
    instruction: element("div", "ubr-instruction"),
    bar: element("progress", "ubr-bar"),
    totals: element("div", "ubr-totals"),
    next: element("div", "ubr-next"),
    controls: element("div", "ubr-controls"),
    toggle: button("Start", "Space", "Start or pause"),
    skip: button("Skip", "N", "Jump to the next phase"),
    done: button("Done with set", "D", "Finished this set early? Move on"),
    reset: button("Reset", "R", "Back to the beginning"),
    mat: button("Mat view", "F", "Fill the screen, to read from the mat"),
    options: element("div", "ubr-options"),
    sound: element("input"),
    voice: element("input"),
    getReady: element("select", "ubr-select"),
    version: element("select", "ubr-select"),
    versionNote: element("p", "ubr-version-note"),
    live: element("div", "ubr-live"),
    note: element("p", "ubr-note"),
  };
  parts.reset.removeAttribute("aria-keyshortcuts");
  parts.reset.title = "Back to the beginning";
  parts.time.setAttribute("aria-hidden", "true"); // announced per phase, not per second
  parts.bar.max = 1;
  parts.bar.setAttribute("aria-label", "Whole timer");
  parts.live.setAttribute("role", "status");
  parts.live.setAttribute("aria-live", "polite");
  parts.phase.append(parts.symbol, " ", parts.word);
  parts.face.append(parts.phase, parts.time, parts.counters, parts.instruction, parts.bar,
    parts.totals, parts.next);
  parts.controls.append(parts.toggle, parts.skip, parts.done, parts.reset, parts.mat);
  for (const [input, label] of [[parts.sound, "Sound"], [parts.voice, "Voice"]]) {
    input.type = "checkbox";
    const wrapper = element("label", "ubr-switch");
    wrapper.append(input, ` ${label}`);
    parts.options.append(wrapper);
  }
  for (const seconds of GET_READY_CHOICES) {
    const option = element("option", "", `${seconds} s`);
    option.value = String(seconds);
    parts.getReady.append(option);
  }
  const getReadyLabel = element("label", "ubr-switch", "Get ready ");
  getReadyLabel.append(parts.getReady);
  parts.options.append(getReadyLabel);
  const versions = model.get("versions") || [];
  for (const choice of versions) {
    const option = element("option", "", choice.label);
    option.value = choice.key;
    parts.version.append(option);
  }
  if (versions.length > 1) {
    const versionLabel = element("label", "ubr-switch", "Version ");
    versionLabel.append(parts.version);
    parts.options.append(versionLabel);
  }
  root.append(parts.title, parts.face, parts.controls, parts.options,
    ...(versions.length > 1 ? [parts.versionNote] : []), parts.live, parts.note);
  el.append(root);
  return parts;
}

function counterText(position, plan) {
  const phase = position.phase;
  if (!phase) return "";
  const bits = [];
  // In a routine, first say which exercise this is.
  if (new Set(plan.phases.map((p) => p.exercise)).size > 1) bits.push(phase.exercise);
  if (phase.side) bits.push(`${phase.side[0].toUpperCase()}${phase.side.slice(1)} side`);
  const set = `Set ${phase.set_number} of ${phase.set_count}`;
  if (phase.set_number && phase.set_count > 1 && phase.title !== set) bits.push(set);
  if (phase.kind === "reps" && position.rep) bits.push(`Rep ${position.rep} of ${phase.rep_count}`);
  return bits.join(" · ");
}

async function render({ model, el }) {
  const core = await loadCore(model.get("core"));
  // A run this page was in the middle of when it went away (a reload, a closed tab): its
  // version and countdown come back first, so the plan is the one it was running.
  const kept = keptRun(model.get("plan").name);
  const versionKeys = (model.get("versions") || []).map((v) => v.key);
  if (kept && (!versionKeys.length || versionKeys.includes(kept.version))) {
    if (versionKeys.length) model.set("version", kept.version);
    if (kept.getReady > 0) model.set("get_ready_seconds", kept.getReady);
  }
  // The chosen version's plan; the browser swaps it itself, so the choice works with no
  // kernel (in the exported pages) just as in JupyterLab.
  function chosenPlan() {
    const chosen = (model.get("versions") || []).find((v) => v.key === model.get("version"));
    return chosen ? chosen.plan : model.get("plan");
  }
  let plan = core.withGetReady(chosenPlan(), model.get("get_ready_seconds"));
  const parts = build(el, plan, model);
  const sounder = new Sounder();
  const wakeLock = new WakeLock();
  const speaker = new Speaker(() => {
    parts.note.textContent = "This device has no voice for spoken cues, so the timer uses tones and words on screen.";
  });
  const cueLog = (globalThis.__thoracicTimerCues ??= []); // test hook: every cue scheduled
  const clock = () => performance.now() / 1000;
  // The same plan it ran: its version and countdown, and its shape (a routine's doses
  // follow the week's plan, which may have changed since).
  const fits = kept && kept.version === model.get("version") && kept.getReady === model.get("get_ready_seconds") &&
    (kept.shape === undefined || kept.shape === shapeOf(plan));
  let timer = fits ? core.TimerCore.resumed(plan, clock, kept.core) : new core.TimerCore(plan, clock);
  let tally = fits && timer.status === "paused" ? core.PracticeTally.resumed(plan, kept.tally) : new core.PracticeTally(plan);
  let scheduler = new core.CueScheduler(plan);
  parts.root.dataset.status = timer.status; // from the start, before the first frame draws
  let shown = {};
  let spokenIndex = timer.status === "paused" ? timer.state().position.index : null;
  let alive = true;
  let resetAsked = false; // Reset in the middle of a run asks once before it throws it away
  let resumed = timer.status === "paused";
  if (resumed) {
    parts.note.textContent = "You were in the middle of this when the page closed: it is paused where you were. Press Resume to go on, or Reset to start again.";
  } else if (kept) {
    keepRun(plan.name, null);
  }

  /** Keep the run as it stands, so a reload carries on; forget it once idle or done. */
  function keepThisRun() {
    const status = timer.status;
    keepRun(plan.name, status === "running" || status === "paused" ? {
      version: model.get("version"), getReady: model.get("get_ready_seconds"), shape: shapeOf(plan),
      core: timer.snapshot(), tally: tally.snapshot() } : null);
  }

  model.set("sound", remembered("sound", model.get("sound")));
  model.set("voice", remembered("voice", model.get("voice")));
  model.save_changes();

  function show(key, node, text) {
    if (shown[key] !== text) {
      node.textContent = text;
      shown[key] = text;
    }
  }

  function report(event) {
    // The page hears every event too (with the phase it is about), so in the exported
    // pages, with no kernel, the site's script can save the practice log's entries on the
    // device.
    const phase = event.type === "phase_end" ? plan.phases[event.index] : undefined;
    parts.root.dispatchEvent(new CustomEvent("thoracic-timer", {
      bubbles: true, detail: { ...event, phase, plan: plan.name, version: model.get("version") } }));
    try {
      model.send(event);
    } catch {
      /* no kernel behind this page: nothing to tell */
    }
  }

  function rescheduleFrom(elapsed) {
    sounder.cancel();
    scheduler.restart(elapsed);
  }

  function act(action) {
    const status = timer.status;
    if (action === "toggle") action = status === "running" ? "pause" : "start";
    if (action === "reset" && !resetAsked && (status === "running" || status === "paused")) {
      resetAsked = true; // the second press resets; any other action takes the question back
      show("live", parts.live, "Press Reset again to start over. What you finished stays in your log.");
      frame(false);
      return;
    }
    if (action !== "mute" && action !== "mat") resetAsked = false;
    if (action === "start") {
      sounder.wake(); // a click or key press: browsers allow audio from here on
      if (status === "done") return;
      timer.start();
      rescheduleFrom(timer.elapsed());
      wakeLock.hold();
    } else if (action === "pause") {
      timer.pause();
      sounder.cancel();
      wakeLock.release();
    } else if (action === "skip") {
      timer.skip();
      rescheduleFrom(timer.elapsed());
    } else if (action === "done") {
      timer.doneWithSet();
      rescheduleFrom(timer.elapsed());
    } else if (action === "reset") {
      timer.reset();
      sounder.cancel();
      wakeLock.release();
      spokenIndex = null;
    } else if (action === "mute") {
      const on = !(model.get("sound") || model.get("voice"));
      for (const name of ["sound", "voice"]) {
        model.set(name, on);
        remember(name, on);
      }
      model.save_changes();
      if (!on) sounder.cancel();
    } else if (action === "mat") {
      toggleMat();
    } else if (action === "do-it-now") {
      toggleMat(true);
      if (timer.status === "done") act("reset");
      if (timer.status !== "running") act("start");
    }
    if (resumed && action !== "mat") {
      resumed = false; // the note about the run picked up again has done its job
      parts.note.textContent = "";
    }
    frame(false);
    keepThisRun();
    // A button that was just pressed may now be disabled (Done with set at the end): keep
    // the focus on the timer, so its keys go on working.
    const focused = document.activeElement;
    if (!parts.root.contains(focused) || focused.disabled) parts.root.focus();
  }

  // Mat view fills the screen with the timer's practice box where it has one (the rating
  // sits under the timer, so the finish asks how it felt right there), or the timer alone.
  const matBox = () => parts.root.closest(".thoracic-practice") || parts.root;

  function toggleMat(force) {
    const on = force ?? !parts.root.classList.contains("ubr-mat");
    const box = matBox();
    parts.root.classList.toggle("ubr-mat", on);
    box.classList.toggle("ubr-mat-box", on && box !== parts.root);
    show("mat", parts.mat, on ? "Leave mat view" : "Mat view");
    if (on) {
      if (document.fullscreenElement !== box) box.requestFullscreen?.().catch(() => {}); // the class alone fills the window
      parts.root.focus();
    } else if (document.fullscreenElement === box) {
      document.exitFullscreen?.().catch(() => {});
    }
  }

  function onKey(event) {
    if (event.target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let action = KEYS[key];
    if (key === "Escape" && parts.root.classList.contains("ubr-mat")) action = "leave";
    if (!action) return;
    if (action === "toggle" && event.target instanceof HTMLInputElement) return; // tick the box
    event.preventDefault();
    event.stopPropagation();
    if (action === "leave") toggleMat(false);
    else act(action);
  }

  function announce(position) {
    const phase = position.phase;
    const text = !phase && !tally.setsLogged ? SKIPPED_THROUGH : core.spokenText(phase, plan);
    show("live", parts.live, text);
    if (model.get("voice") && timer.status !== "idle") speaker.say(text);
  }

  function frame(loop = true) {
    if (!alive) return;
    const { status, position } = timer.state();
    const events = timer.takeEvents();
    for (const event of events) {
      report(event);
      for (const entry of tally.take(event)) report(entry); // what the practice log keeps
      if (event.type === "status" && event.status === "done") finished();
    }
    if (events.length) keepThisRun();
    const phase = position.phase;
    const kind = phase ? phase.kind : "done";
    const [colour, symbol, word] = model.get("looks")[kind];
    parts.root.style.setProperty("--ubr-colour", colour);
    parts.root.dataset.kind = kind;
    parts.root.dataset.status = status;
    show("symbol", parts.symbol, symbol);
    show("word", parts.word, (phase ? phase.title : word) + (status === "paused" ? " (paused)" : ""));
    show("time", parts.time, core.formatSeconds(position.timeLeft));
    show("counters", parts.counters, counterText(position, plan));
    show("instruction", parts.instruction, phase ? phase.instruction : tally.setsLogged ? FINISHED : SKIPPED_THROUGH);
    parts.bar.value = position.progress;
    show("totals", parts.totals, `${core.formatSeconds(position.totalLeft)} left in all`);
    const next = plan.phases[position.index + 1];
    show("next", parts.next, core.nextText(next, phase));
    show("toggle", parts.toggle, status === "running" ? "Pause" : status === "paused" ? "Resume" : "Start");
    show("reset", parts.reset, resetAsked ? "Really reset?" : "Reset");
    parts.toggle.disabled = status === "done";
    parts.skip.disabled = status === "done";
    parts.done.disabled = !(phase && phase.kind === "reps" && status !== "idle");
    parts.getReady.disabled = status !== "idle";
    parts.version.disabled = status !== "idle";
    // What the chosen version asks of you, and, once started, how to change it.
    const chosen = (model.get("versions") || []).find((v) => v.key === model.get("version"));
    const change = status === "idle" ? "" : " To change the version, press Reset first.";
    show("versionNote", parts.versionNote, chosen ? `${chosen.label}: ${chosen.says || ""}${change}`.trim() : "");
    parts.version.title = status === "idle" ? "Pick the version for this session" : "Press Reset to change the version";
    if (position.index !== spokenIndex && status !== "idle") {
      spokenIndex = position.index;
      announce(position);
    }
    parts.root.dataset.elapsed = String(timer.elapsed()); // for tests and the benchmark
    parts.root.dataset.index = String(position.index);
    if (loop) requestAnimationFrame(() => frame());
  }

  /** At the end: let the screen sleep again, and in mat view show what comes under the
   *  timer (the rating) from the top of the finished timer. */
  function finished() {
    wakeLock.release();
    if (parts.root.classList.contains("ubr-mat") && matBox() !== parts.root) {
      requestAnimationFrame(() => parts.root.scrollIntoView({ block: "start" }));
    }
  }

  function scheduleCues() {
    if (!alive || timer.status !== "running" || !model.get("sound")) return;
    const elapsed = timer.elapsed();
    const cues = scheduler.due(elapsed);
    const pips = new Set(cues.filter((c) => c.kind !== "beat").map((c) => c.at));
    for (const cue of cues) {
      if (cue.kind === "beat" && pips.has(cue.at)) continue; // one sound at one moment
      const audioTime = sounder.play(cue.kind, cue.at - elapsed);
      cueLog.push({ plan: plan.name, kind: cue.kind, at: cue.at, index: cue.index, elapsed, audioTime });
    }
  }

  function replan() {
    if (timer.status !== "idle") return; // a new plan waits until the timer is reset
    plan = core.withGetReady(chosenPlan(), model.get("get_ready_seconds"));
    timer = new core.TimerCore(plan, () => performance.now() / 1000);
    tally = new core.PracticeTally(plan);
    scheduler = new core.CueScheduler(plan);
    shown = {};
    spokenIndex = null;
    resetAsked = false;
    show("title", parts.title, `Timer: ${plan.name}`);
  }

  function onVisibility() {
    if (document.visibilityState !== "visible") {
      keepThisRun(); // the exact place, in case the page is closed from the background
      return;
    }
    // Back from the background: show the true position now, and drop missed cues.
    rescheduleFrom(timer.elapsed());
    if (timer.status === "running") wakeLock.hold();
  }

  for (const [node, action] of [[parts.toggle, "toggle"], [parts.skip, "skip"],
    [parts.done, "done"], [parts.reset, "reset"], [parts.mat, "mat"]]) {
    node.addEventListener("click", () => act(action));
  }
  for (const name of ["sound", "voice"]) {
    parts[name].checked = model.get(name);
    parts[name].addEventListener("change", () => {
      model.set(name, parts[name].checked);
      remember(name, parts[name].checked);
      model.save_changes();
      if (name === "sound" && !parts.sound.checked) sounder.cancel();
    });
    model.on(`change:${name}`, () => (parts[name].checked = model.get(name)));
  }
  // A plan's own countdown that is not one of the menu's choices (a shortened plan's 1 s)
  // is offered too, so the menu never shows blank.
  const ownGetReady = String(model.get("get_ready_seconds"));
  if (![...parts.getReady.options].some((option) => option.value === ownGetReady)) {
    const option = element("option", "", `${Number(ownGetReady)} s`);
    option.value = ownGetReady;
    parts.getReady.prepend(option);
  }
  parts.getReady.value = ownGetReady;
  parts.getReady.addEventListener("change", () => {
    model.set("get_ready_seconds", Number(parts.getReady.value));
    model.save_changes();
    replan();
  });
  parts.version.value = model.get("version");
  parts.version.addEventListener("change", () => {
    model.set("version", parts.version.value);
    model.save_changes();
    replan();
  });
  model.on("change:version", () => {
    parts.version.value = model.get("version");
    replan();
  });
  model.on("change:plan", replan);
  model.on("change:get_ready_seconds", replan);
  parts.root.addEventListener("keydown", onKey);
  // In mat view the timer's keys work from anywhere on the page but the practice box,
  // whose rating and note take their own keys.
  const onDocumentKey = (event) => parts.root.classList.contains("ubr-mat") && !matBox().contains(event.target) && onKey(event);
  // "Do it now" at the top of the page: this timer, in mat view, started.
  const onDoItNow = () => act("do-it-now");
  parts.root.addEventListener("thoracic-do-it-now", onDoItNow);
  const onPageHide = () => keepThisRun();
  globalThis.addEventListener("pagehide", onPageHide);
  document.addEventListener("keydown", onDocumentKey);
  // In JupyterLab the timer's cell may be selected (command mode) rather than the timer
  // focused: its keys are then the timer's too. The listener runs first (window, capture),
  // so JupyterLab never sees a key the timer took: M cannot make the cell Markdown, D D
  // cannot delete it, Space does not scroll the notebook.
  const onCellKey = (event) => {
    if (parts.root.contains(event.target) || !selectedInCommandMode(parts.root, event)) return;
    onKey(event);
  };
  globalThis.addEventListener("keydown", onCellKey, true);
  document.addEventListener("visibilitychange", onVisibility);
  document.addEventListener("fullscreenchange", () => {
    if (!document.fullscreenElement && parts.root.classList.contains("ubr-mat")) toggleMat(false);
  });
  const cueTimer = setInterval(scheduleCues, 25); // look-ahead scheduling, as Web Audio advises
  frame();

  return () => {
    alive = false;
    clearInterval(cueTimer);
    sounder.cancel();
    wakeLock.release();
    document.removeEventListener("keydown", onDocumentKey);
    globalThis.removeEventListener("keydown", onCellKey, true);
    document.removeEventListener("visibilitychange", onVisibility);
    globalThis.removeEventListener("pagehide", onPageHide);
    keepThisRun();
  };
}

export default { render };
