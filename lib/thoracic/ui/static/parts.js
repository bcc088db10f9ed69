// The course's interactive parts, one front-end for JupyterLab and the offline site: the
// checklists, the safety check and its banner, the knowledge checks, the self-test form,
// the next-day check, the rating of a practice, "fix a wrong entry", My progress (the
// dashboard, with the progress file both ways), "Do it now" above an exercise, Today, and
// the plan.
//
// An anywidget module: render({ model, el }) draws the part named by the model's `kind`
// from two things the host gives it, `config` (words and data from the course's records,
// fixed when the page is made) and `kept` (what the learner has kept that the part shows).
// What the learner does goes to the host as a message, model.send({ do, ... }); the host
// (Python in JupyterLab, the device store on the site) keeps it, refreshes `kept` and sets
// `status` to say whether it was kept. `saving` is the host's sentence when nothing can be
// kept at all ("" while saving works). Everything shown from data is set as text.

const DAY_MS = 86400000;

/** Small DOM helpers bound to the element's document. */
function tools(el) {
  const doc = el.ownerDocument;
  const element = (tag, className, text) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };
  const button = (text, className = "thoracic-button") => {
    const node = element("button", className, text);
    node.type = "button";
    return node;
  };
  const checkbox = (text) => {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox";
    const words = doc.createTextNode(` ${text}`);
    label.append(box, words);
    return { label, box, words };
  };
  return { doc, element, button, checkbox };
}

/** Send one action; `then(status)` runs when the host has said whether it was kept. */
function actions(model) {
  const waiting = [];
  const heard = () => {
    const then = waiting.shift();
    if (then) then(model.get("status") || {});
  };
  model.on("change:status", heard);
  return {
    act(message, then = () => {}, buffers = undefined) {
      waiting.push(then);
      model.send(message, undefined, buffers);
    },
    stop: () => model.off("change:status", heard),
  };
}

/** A line that says what happened: role=status for news, role=alert for problems. */
function say(node, text, problem = false) {
  node.setAttribute("role", problem ? "alert" : "status");
  node.textContent = text;
}

const notKept = (status) => `⚠ Not kept: ${status.problem}`;

/** The host's notice while nothing can be kept ("" hides it). */
function savingNotice(model, t) {
  const notice = t.element("p", "thoracic-alert thoracic-saving");
  const show = () => {
    const text = model.get("saving") || "";
    notice.hidden = !text;
    if (text) say(notice, text, true);
  };
  model.on("change:saving", show);
  show();
  return notice;
}

// -- checklists -----------------------------------------------------------------------------

/** Checkboxes under their group headings, with an "n of m ticked" count; each box shows
 *  what is really kept. `onDraw(ticked)` runs whenever the kept ticks are drawn. */
function checklist(t, send, list, { ticked, onDraw } = {}) {
  const part = t.element("div", "thoracic-list");
  part.append(t.element("h3", "", list.title));
  const boxes = new Map();
  const groupNotes = new Map();
  let items = null;
  let group = null;
  for (const item of list.items) {
    if (items === null || (item.group && item.group !== group)) {
      if (item.group) {
        group = item.group;
        part.append(t.element("h4", "", group));
      }
      items = t.element("ul", "thoracic-checklist");
      part.append(items);
      if (item.group) {
        const note = t.element("div", "thoracic-group-note");
        groupNotes.set(group, note);
        part.append(note);
      }
    }
    const { label, box } = t.checkbox(item.text);
    box.dataset.item = item.id;
    box.addEventListener("change", () => send.act({ do: "tick", item: item.id, on: box.checked }));
    boxes.set(item.id, box);
    const row = t.element("li");
    row.append(label);
    items.append(row);
  }
  const count = t.element("p", "thoracic-count");
  if (list.count !== false) part.append(count);
  const draw = () => {
    const kept = ticked();
    for (const [id, box] of boxes) box.checked = Boolean(kept[id]);
    const done = [...boxes.keys()].filter((id) => kept[id]).length;
    count.textContent = `${done} of ${boxes.size} ticked${done === boxes.size ? " ✓ All done" : ""}`;
    if (onDraw) onDraw(kept);
  };
  return { part, draw, groupNotes };
}

function drawChecklist(model, el, t, send) {
  const config = model.get("config");
  const elsewhere = model.get("kept").elsewhere;
  if (elsewhere) { // the host keeps nothing for this list where it runs, and says why
    el.append(t.element("h3", "", config.title), t.element("p", "", elsewhere));
    return undefined;
  }
  const status = t.element("p", "thoracic-status");
  const list = checklist(t, send, config, { ticked: () => model.get("kept").ticked || {} });
  el.append(list.part, status, savingNotice(model, t));
  return followKept(model, list, status);
}

/** Draw the boxes from what is kept, again whenever it changes and after every answer
 *  from the host, so a box that was not kept goes back; `status` says why. */
function followKept(model, list, status) {
  const answered = () => {
    list.draw();
    const said = model.get("status") || {};
    if (said.problem) say(status, notKept(said), true);
    else status.textContent = "";
  };
  list.draw();
  model.on("change:kept", list.draw);
  model.on("change:status", answered);
  return () => {
    model.off("change:kept", list.draw);
    model.off("change:status", answered);
  };
}

// -- the safety check and its banner -----------------------------------------------------

/** Which ticked flags a clinician checked, still valid or too old, from what is kept. */
export function safetyState(config, kept) {
  const ticked = config.flags.filter((flag) => (kept.ticked || {})[flag.id]);
  const today = Date.parse(`${kept.today}T00:00:00Z`);
  const cleared = new Map();
  const expired = new Set();
  for (const flag of ticked) {
    const day = (kept.checked_on || {})[flag.id];
    const when = day ? Date.parse(`${day}T00:00:00Z`) : NaN;
    if (Number.isNaN(when)) continue;
    if ((today - when) / DAY_MS > config.clearance_days) expired.add(flag.id);
    else cleared.set(flag.id, day);
  }
  return { ticked, cleared, expired, open: ticked.filter((flag) => !cleared.has(flag.id)) };
}

const mostUrgent = (config, flags) => {
  const urgencies = new Set(flags.map((flag) => flag.urgency));
  return config.urgencies.find((advice) => urgencies.has(advice.urgency));
};

function adviceNodes(config, state, t) {
  if (!state.open.length) return [t.element("p", "", config.all_cleared)];
  const advice = mostUrgent(config, state.open);
  const first = t.element("p");
  first.append(t.element("strong", "", `${advice.heading}.`), ` ${advice.action}`);
  const listed = t.element("ul");
  for (const flag of state.open) {
    const row = t.element("li", "", flag.text);
    if (flag.note) row.append(" ", t.element("strong", "", flag.note));
    if (state.expired.has(flag.id)) row.append(" ", t.element("em", "", config.expired));
    listed.append(row);
  }
  const nodes = [first, t.element("p", "", "You ticked:"), listed];
  if (config.calm_urgencies.includes(advice.urgency)) nodes.push(t.element("p", "", config.thanks));
  return nodes;
}

function longDate(day) {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function drawSafety(model, el, t, send) {
  const config = model.get("config");
  const kept = () => model.get("kept");
  const message = t.element("div", "thoracic-message");
  const clearance = t.element("div", "thoracic-clearance");
  const status = t.element("p", "thoracic-status");
  const labelText = (flag, day) =>
    ` ${config.cleared_label}${day ? ` (you said so on ${longDate(day)})` : ""}: ${flag.text}`;
  let shownFlags = "";
  const clearedBoxes = new Map();
  // "None of these fit me": offered while nothing is ticked, with the day it was last said.
  const noneFit = t.element("div", "thoracic-none-fit");
  const noneFitSaid = t.element("p");
  noneFitSaid.setAttribute("role", "status"); // said when it changes, as a saved tick is seen
  const noneFitButton = t.button(config.none_fit_label);
  noneFitButton.addEventListener("click", () => send.act({ do: "none-fit" }));
  noneFit.append(noneFitButton, noneFitSaid);
  const show = () => {
    const state = safetyState(config, kept());
    const said = kept().none_fit_on;
    noneFit.hidden = state.ticked.length > 0;
    noneFitSaid.textContent = said ? `✓ ${config.none_fit_said} ${longDate(said)}.` : "";
    const openUrgencies = new Set(state.open.map((flag) => flag.urgency));
    for (const advice of config.urgencies) {
      const note = list.groupNotes.get(advice.heading);
      if (!note) continue;
      note.replaceChildren();
      note.classList.toggle("thoracic-alert", openUrgencies.has(advice.urgency));
      if (openUrgencies.has(advice.urgency)) {
        note.append(t.element("strong", "", `${advice.heading}.`), ` ${advice.action}`);
      }
    }
    message.replaceChildren();
    message.classList.toggle("thoracic-alert", state.open.length > 0);
    message.removeAttribute("role");
    if (!state.ticked.length) message.append(t.element("p", "", config.nothing));
    else message.append(...adviceNodes(config, state, t));
    if (state.open.length) message.setAttribute("role", "alert");
    // The "I have been checked" boxes are made again only when the ticked flags change,
    // so a box is never replaced under the learner's finger.
    const flags = state.ticked.map((flag) => flag.id).join(" ");
    if (flags !== shownFlags) {
      shownFlags = flags;
      clearedBoxes.clear();
      clearance.replaceChildren();
      if (state.ticked.length) {
        clearance.append(t.element("h4", "", config.cleared_heading),
          t.element("p", "", config.cleared_lead));
        const rows = t.element("ul", "thoracic-checklist");
        for (const flag of state.ticked) {
          const { label, box, words } = t.checkbox("");
          box.dataset.flag = flag.id;
          box.addEventListener("change", () =>
            send.act({ do: "clear", item: flag.id, on: box.checked }));
          clearedBoxes.set(flag.id, { box, words, flag });
          const row = t.element("li");
          row.append(label);
          rows.append(row);
        }
        clearance.append(rows);
      }
    }
    for (const [id, { box, words, flag }] of clearedBoxes) {
      box.checked = state.cleared.has(id);
      words.textContent = labelText(flag, state.cleared.get(id));
    }
  };
  const list = checklist(t, send, config.list, { ticked: () => kept().ticked || {}, onDraw: show });
  const sources = t.element("div");
  sources.innerHTML = config.sources; // made by the course from its own records, escaped
  el.append(list.part, message, noneFit, clearance, status, savingNotice(model, t), sources);
  return followKept(model, list, status);
}

function drawBanner(model, el, t) {
  const config = model.get("config");
  const show = () => {
    el.replaceChildren();
    const state = safetyState(config, model.get("kept"));
    if (!state.ticked.length) return;
    if (!state.open.length) {
      const quiet = t.element("p");
      quiet.append(t.element("em", "", `In the safety check (notebook 00): ${config.all_cleared}`));
      el.append(quiet);
      return;
    }
    const advice = mostUrgent(config, state.open);
    const banner = t.element("div", "thoracic-alert");
    banner.setAttribute("role", "alert");
    const expired = state.open.some((flag) => state.expired.has(flag.id)) ? ` ${config.expired}` : "";
    banner.append(t.element("strong", "", config.banner_lead),
      ` ${config.banner_middle} ${state.open.map((flag) => flag.text).join("; ")}. `,
      t.element("strong", "", `${advice.heading}.`), ` ${advice.action}${expired}`);
    el.append(banner);
  };
  show();
  model.on("change:kept", show);
  return () => model.off("change:kept", show);
}

// -- knowledge checks -------------------------------------------------------------------

function drawQuiz(model, el, t, send) {
  const config = model.get("config");
  el.append(t.element("h3", "", config.title));
  config.questions.forEach((question, number) => {
    const box = t.element("fieldset", "thoracic-question");
    const legend = t.element("legend");
    legend.append(t.element("strong", "", question.prompt));
    box.append(legend);
    question.choices.forEach((choice, index) => {
      const label = t.element("label", "thoracic-choice");
      const radio = t.element("input");
      radio.type = "radio";
      radio.name = `quiz-${question.id}-${number}`;
      radio.value = String(index);
      label.append(radio, ` ${choice}`);
      box.append(label);
    });
    const check = t.button("Check my answer");
    const feedback = t.element("p", "thoracic-feedback");
    check.addEventListener("click", () => {
      const picked = box.querySelector("input:checked");
      if (!picked) {
        say(feedback, "Pick an answer first.");
        return;
      }
      const choice = Number(picked.value);
      const right = choice === question.answer;
      feedback.replaceChildren(t.element("strong", "", right ? "✓" : "✗"),
        ` ${question.feedback[choice]}`);
      feedback.setAttribute("role", "status");
      send.act({ do: "answer", question: question.id, choice, right }, (status) => {
        if (status.problem) feedback.append(t.element("span", "thoracic-problem", ` ${notKept(status)}`));
      });
    });
    box.append(check, feedback);
    el.append(box);
  });
  el.append(savingNotice(model, t));
}

// -- the self-test form -----------------------------------------------------------------

const format = (value) => String(Number(value.toPrecision(12)));

/** A typed result as a number in the test's range; throws with what to fix. */
export function readResult(config, raw, side) {
  const where = side ? `${side.charAt(0).toUpperCase()}${side.slice(1)} side` : "The result";
  const range = `${format(config.low)} to ${format(config.high)} ${config.unit}`;
  const text = String(raw).replaceAll(",", ".");
  if (!new RegExp(`^(?:${config.pattern})$`).test(text)) {
    const shown = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    throw new Error(`${where}: "${shown}" is not a number. Type a number from ${range}.`);
  }
  const value = Number(text);
  if (value < config.low || value > config.high) {
    throw new Error(`${where}: ${format(value)} is outside ${range}. Check the number and try again.`);
  }
  if (config.whole_numbers && !Number.isInteger(value)) {
    throw new Error(`${where}: use a whole number (${format(value)} is not).`);
  }
  return value;
}

function drawSelfTest(model, el, t, send) {
  const config = model.get("config");
  el.append(t.element("h3", "", `Record your ${config.name.toLowerCase()}`));
  if (config.measure && model.get("core")) {
    el.append(...measureWithPhone(model, t, send, config), t.element("p", "", "Or type your result:"));
  }
  const inputs = config.sides.map((side, index) => {
    const label = t.element("label", "thoracic-field", `${config.labels[index]} `);
    const input = t.element("input");
    input.inputMode = "decimal";
    input.autocomplete = "off";
    input.placeholder = `${format(config.low)} to ${format(config.high)}`;
    label.append(input);
    el.append(label);
    return [side, input];
  });
  const save = t.button(`Save ${config.name.toLowerCase()}`);
  const status = t.element("p", "thoracic-status");
  save.addEventListener("click", () => {
    let values;
    try {
      values = inputs.map(([side, input]) => [side, readResult(config, input.value, side)]);
    } catch (error) {
      say(status, `⚠ ${error.message} Nothing was saved.`, true);
      return;
    }
    const shown = values.map(([side, value]) => `${side || "result"} ${format(value)}`).join(", ");
    send.act({ do: "self-test", values }, (said) => {
      if (said.problem) {
        // The numbers stay in their boxes, ready to save again once saving is back.
        say(status, `⚠ Not saved: ${shown} ${config.unit}. ${said.problem}`, true);
        return;
      }
      say(status, `✓ Saved: ${shown} ${config.unit}.`);
      for (const [, input] of inputs) input.value = "";
    });
  });
  el.append(save, status, savingNotice(model, t));
}

// -- measuring with the phone ---------------------------------------------------------

const FEED_MS = 100; // a still phone sends no new readings: the last one is fed again this often
const NO_SENSOR_MS = 2000; // no reading by then: this device has no sensor the page can read
// Module texts imported by this page (the exported site starts them from its head).
const imported = (globalThis[Symbol.for("thoracic.imported")] ??= new Map());

/** The measuring module (measure_core.js, sent as text), imported once per page. */
function measureCore(source) {
  if (!imported.has(source)) {
    imported.set(source, import(URL.createObjectURL(new Blob([source], { type: "text/javascript" }))));
  }
  return imported.get(source);
}

/** "Measure with this phone": the motion sensor takes the test, each step said in words
 *  and by voice, three tries a side; the learner saves the middle of each side's tries.
 *  Where it cannot (no sensor, no permission, not a secure page) it says so in one
 *  sentence and the typed boxes stay. The readings never leave the page. */
function measureWithPhone(model, t, send, config) {
  const words = config.measure;
  const start = t.button("Measure with this phone", "thoracic-button thoracic-measure-start");
  const box = t.element("div", "thoracic-measure");
  const now = t.element("p", "thoracic-measure-now");
  now.setAttribute("aria-live", "assertive");
  const tries = t.element("ul", "thoracic-measure-tries");
  const status = t.element("p", "thoracic-status");
  const setup = t.element("ol", "thoracic-measure-setup");
  for (const step of words.setup) setup.append(t.element("li", "", step));
  box.hidden = true;
  box.append(setup, now, tries, status);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  const speak = (text) => {
    const voice = globalThis.speechSynthesis;
    if (!voice || typeof SpeechSynthesisUtterance === "undefined") return;
    voice.cancel();
    voice.speak(new SpeechSynthesisUtterance(text));
  };
  let audio = null; // made on the tap that starts measuring, as browsers require
  /** A short tone: high when a try is kept, low when it is not. */
  const tone = (hertz) => {
    if (!audio) return;
    const sound = audio.createOscillator();
    const level = audio.createGain();
    level.gain.setValueAtTime(0.2, audio.currentTime);
    level.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
    sound.frequency.value = hertz;
    sound.connect(level).connect(audio.destination);
    sound.start();
    sound.stop(audio.currentTime + 0.25);
  };
  const tell = (text, hertz = 0) => {
    now.textContent = text;
    if (hertz) tone(hertz);
    speak(text);
  };
  let stop = () => {};

  async function begin(core) {
    const Orientation = globalThis.DeviceOrientationEvent;
    if (!Orientation) return say(status, words.unavailable.none, true);
    if (!globalThis.isSecureContext) return say(status, words.unavailable.insecure, true);
    if (typeof Orientation.requestPermission === "function") { // iOS: asked on this tap
      const answer = await Orientation.requestPermission().catch(() => "denied");
      if (answer !== "granted") return say(status, words.unavailable.denied, true);
    }
    const measuring = new core.RotationMeasurement(config.sides);
    let last = null;
    const feed = () => {
      if (!last) return;
      const events = measuring.reading(performance.now() / 1000, last);
      const said = events.map(show).filter(Boolean);
      const kept = events.some((event) => event.type === "recorded");
      const refused = events.some((event) => event.type === "refused");
      // A refusal and "come back" are said together, after a tone that tells them apart.
      if (said.length) tell(said.join(" "), kept ? 880 : refused ? 330 : 0);
    };
    const onReading = ({ alpha, beta, gamma }) => {
      if (![alpha, beta, gamma].every(Number.isFinite)) return; // no sensor behind it
      last = { alpha, beta, gamma };
      feed();
    };
    const ticker = setInterval(feed, FEED_MS);
    const waiting = setTimeout(() => {
      if (last) return;
      stop();
      say(status, words.unavailable.none, true);
    }, NO_SENSOR_MS);
    globalThis.addEventListener("deviceorientation", onReading);
    stop = () => {
      clearInterval(ticker);
      clearTimeout(waiting);
      globalThis.removeEventListener("deviceorientation", onReading);
      start.disabled = false;
    };
    start.disabled = true;
    box.hidden = false;
    tries.replaceChildren();
    status.textContent = "";
    tell(words.say.neutral);
  }

  /** One event of the measuring module on the screen; what to say about it, if anything. */
  function show(event) {
    const Side = (side) => side.charAt(0).toUpperCase() + side.slice(1);
    if (event.type === "recorded") {
      tries.append(t.element("li", "", `${Side(event.side)} side, try ${event.try}: ${event.degrees} degrees`));
    } else if (event.type === "refused") {
      tries.append(t.element("li", "thoracic-measure-refused", `${Side(event.side)} side, try ${event.try} not kept: ${event.reason}`));
      return event.reason;
    } else if (event.type === "side-done" && event.tries.length) {
      tries.append(t.element("li", "thoracic-measure-side", `${Side(event.side)} side: ${event.median} degrees, ` +
        `the middle of ${event.tries.join(", ")} (they are ${event.spread} degrees apart)`));
    } else if (event.type === "done") {
      return finish(event.results);
    } else if (event.type === "neutral") {
      return null; // asked for when measuring starts and after each return to the middle
    }
    const template = words.say[event.type];
    return template ? fill(template, { ...event, Side: event.side ? Side(event.side) : "" }) : null;
  }

  function finish(results) {
    stop();
    const measured = config.sides.filter((side) => results[side].tries.length);
    if (measured.length < config.sides.length) {
      say(status, words.unfinished, true);
      return words.unfinished;
    }
    const keep = t.button(`Save these results`);
    const values = config.sides.map((side) => [side, results[side].median]);
    const shown = values.map(([side, value]) => `${side} ${format(value)}`).join(", ");
    keep.addEventListener("click", () => {
      keep.disabled = true;
      send.act({ do: "self-test", values, method: "phone",
        tries: Object.fromEntries(config.sides.map((side) => [side, results[side].tries])) }, (said) => {
        keep.disabled = !said.problem;
        say(status, said.problem ? `⚠ Not saved: ${shown} ${config.unit}. ${said.problem}`
          : `✓ Saved, measured by the phone: ${shown} ${config.unit}.`, Boolean(said.problem));
      });
    });
    status.replaceChildren(keep);
    return words.say.done;
  }

  start.addEventListener("click", async () => {
    stop();
    const Audio = globalThis.AudioContext || globalThis.webkitAudioContext;
    audio = audio || (Audio ? new Audio() : null);
    try {
      await begin(await measureCore(model.get("core")));
    } catch (error) {
      say(status, `⚠ The phone could not measure (${error.message}). Type your result below instead.`, true);
    }
  });
  return [start, box];
}

// -- the next-day check -----------------------------------------------------------------

function drawNextDay(model, el, t, send) {
  const config = model.get("config");
  const body = t.element("div");
  const buttons = t.element("div", "thoracic-choices");
  const advice = t.element("p", "thoracic-advice");
  const status = t.element("p", "thoracic-status");
  el.append(t.element("h3", "", config.title), body, savingNotice(model, t));
  const showAdvice = (answer) => {
    const option = config.answers.find((a) => a.answer === answer);
    advice.replaceChildren();
    if (!option) return;
    advice.append(t.element("strong", "", `${option.symbol} ${option.word}:`), ` ${option.advice}`);
    advice.style.borderLeft = `6px solid ${option.colour}`;
  };
  for (const option of config.answers) {
    const choice = t.button(option.word);
    choice.value = option.answer;
    choice.title = `Save ${option.word.toLowerCase()} as today's answer`;
    choice.addEventListener("click", () => send.act({ do: "next-day", answer: option.answer }, (said) => {
      if (said.problem) {
        say(status, `⚠ Not saved: ${option.word}. ${said.problem}`, true);
        showAdvice(option.answer); // the advice still helps
      } else {
        say(status, `✓ Saved for today: ${option.word}. You can change it.`);
      }
    }));
    buttons.append(choice);
  }
  // Not asked before any earlier practice: there is nothing to compare yet.
  let asking = null;
  const show = () => {
    const kept = model.get("kept");
    const now = Boolean(kept.practised || kept.answer);
    if (now !== asking) {
      asking = now;
      body.replaceChildren();
      if (!asking) say(body.appendChild(t.element("p")), config.not_yet);
      else body.append(t.element("p", "", config.question), buttons, advice, status);
    }
    const answer = kept.answer || null;
    for (const node of buttons.children) node.setAttribute("aria-pressed", String(node.value === answer));
    showAdvice(answer);
    if (answer && !status.textContent) say(status, "✓ Saved for today. You can change it.");
  };
  show();
  model.on("change:kept", show);
  return () => model.off("change:kept", show);
}

// -- how a practice felt ----------------------------------------------------------------

function drawRating(model, el, t, send) {
  const config = model.get("config");
  const scale = config.scale;
  const heading = t.element("p", "", "When you finish, you can note how it felt here.");
  const question = t.element("p", "", scale.label);
  const buttons = t.element("div", "thoracic-scale");
  buttons.setAttribute("role", "group");
  buttons.setAttribute("aria-label", scale.label);
  const zoneLine = t.element("p", "thoracic-zone");
  const note = t.element("textarea");
  note.placeholder = "A note for yourself (optional)";
  note.setAttribute("aria-label", "Note");
  note.maxLength = config.max_note;
  const save = t.button("Save how it felt");
  const status = t.element("p", "thoracic-status");
  let rating = null;
  const zoneOf = (n) => scale.zones.find((zone) => zone.lowest <= n && n <= zone.highest);
  for (let n = scale.lowest; n <= scale.highest; n += 1) {
    const choice = t.button(String(n), "thoracic-button thoracic-number");
    const zone = zoneOf(n);
    choice.title = `${n} out of ${scale.highest}: ${zone.word}, ${zone.label.toLowerCase()}`;
    choice.setAttribute("aria-pressed", "false");
    choice.addEventListener("click", () => {
      rating = rating === n ? null : n; // pressing the chosen number again clears it
      for (const node of buttons.children) {
        node.setAttribute("aria-pressed", String(Number(node.textContent) === rating));
      }
      if (rating === null) {
        zoneLine.replaceChildren();
        return;
      }
      zoneLine.replaceChildren(t.element("strong", "", `${zone.symbol} ${zone.word}: ${zone.label}.`),
        ` ${zone.advice}`);
      zoneLine.style.borderLeft = `6px solid ${zone.colour}`;
      zoneLine.setAttribute("role", "status");
    });
    buttons.append(choice);
  }
  // Later (My progress): today's practice still waiting for a rating, to pick from.
  let picked = null;
  const waiting = t.element("div", "thoracic-waiting");
  const session = () => (config.later ? picked : model.get("kept").session);
  save.addEventListener("click", () => {
    const chosen = session();
    if (!chosen) return;
    const text = note.value.trim() || null;
    const said = rating === null ? " No rating." : ` ${rating} out of ${scale.highest}.`;
    const shown = text ? ` Note: ${text}` : "";
    send.act({ do: "rate", session: chosen, rating, note: text }, (outcome) => {
      if (outcome.problem) say(status, notKept(outcome), true);
      else say(status, `✓ Saved:${said}${shown}`);
    });
  });
  const pickFrom = () => {
    const entries = waitingForRating(model.get("kept").today || []);
    if (!entries.some((entry) => entry.id === picked)) picked = entries.length ? entries[0].id : null;
    waiting.replaceChildren(...entries.map((entry) => {
      const pick = t.button(`${entry.exercise}${entry.kind === "set" ? ", stopped early" : ""} · ${format(entry.duration_seconds)} s`);
      pick.setAttribute("aria-pressed", String(entry.id === picked));
      pick.addEventListener("click", () => {
        picked = entry.id;
        pickFrom();
      });
      return pick;
    }));
    heading.textContent = entries.length ? "Practice from earlier today that you have not rated yet. Pick one, then say how it felt."
      : "Nothing from today is waiting for a rating.";
    for (const node of [question, buttons, zoneLine, note, save]) node.hidden = !entries.length;
  };
  const ask = () => {
    if (config.later) {
      pickFrom();
      return;
    }
    const asking = Boolean(model.get("kept").session);
    save.disabled = !asking;
    note.disabled = !asking;
    if (asking) {
      // The timer above has just said "Well done!": the rating only asks.
      heading.replaceChildren(t.element("strong", "", "How did your back feel?"));
      status.textContent = "";
    }
  };
  el.append(heading, ...(config.later ? [waiting] : []), question, buttons, zoneLine, note, save, status,
    savingNotice(model, t));
  ask();
  model.on("change:kept", ask);
  return () => model.off("change:kept", ask);
}

/** Today's practice-log entries still waiting for a rating, newest first: each exercise
 *  or routine not rated, and for a run cut short (sets with no exercise logged after them)
 *  its latest set. Entries as entryLines groups them, so an exercise's sets are its own. */
export function waitingForRating(entries) {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const cutShort = new Set();
  return entryLines(entries.map((entry) => ({ ...entry, record: "sessions" })), {})
    .map((line) => byId.get(line.ids[0]))
    .filter((entry) => {
      if (entry.rating !== null && entry.rating !== undefined) return false;
      if (entry.kind !== "set") return true;
      const first = !cutShort.has(entry.exercise);
      cutShort.add(entry.exercise);
      return first;
    });
}

// -- fix a wrong entry ------------------------------------------------------------------

const byTime = (a, b) => (a.day === b.day ? (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0)
  : a.day < b.day ? -1 : 1);
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The line a learner recognises an entry by: day, what, how much, how it felt, as
 *  Python's describe_entry words it (held together on cases Python writes). `words`:
 *  next_day (each answer's word) and self_tests (each test's name and unit), by id. */
export function describeEntry(entry, words) {
  if (entry.record === "next_day_checks") {
    return `${entry.day} · next-day check · ${words.next_day[entry.answer].toLowerCase()}`;
  }
  if (entry.record === "self_tests") {
    const test = words.self_tests[entry.test];
    const side = entry.side ? `, ${entry.side} side` : "";
    return `${entry.day} · self-test · ${test ? test.name : entry.test}${side}: ` +
      `${format(entry.value)}${test ? ` (${test.unit})` : ""}`;
  }
  const parts = [entry.day, entry.kind, entry.exercise, `${format(entry.duration_seconds)} s`];
  if (entry.sets) parts.push(plural(entry.sets, entry.kind === "routine" ? "exercise" : "set"));
  if (entry.version && entry.version !== "standard") parts.push(entry.version);
  if (entry.rating !== null && entry.rating !== undefined) parts.push(`felt ${entry.rating}/10`);
  if (entry.note) {
    const note = [...entry.note];
    parts.push(`note: ${note.slice(0, 40).join("")}${note.length > 40 ? "…" : ""}`);
  }
  return parts.join(" · ");
}

/**
 * Entries as a learner thinks of them, newest first: an exercise together with the sets
 * its timer logged on the way, and every other entry alone. The store keeps no link from
 * a set to its exercise; the timer's order gives it: an exercise of n sets is logged
 * right after its n-th set, on the same day and for the same exercise, so its sets are
 * the latest n such sets not claimed before it. Sets of an exercise never finished stay
 * lines of their own. Each line: the ids deleting it removes (its own first) and words.
 */
export function entryLines(entries, words) {
  const ordered = [...entries].sort(byTime);
  const claimed = new Set();
  const setsOf = new Map();
  const isSet = (entry) => entry.record === "sessions" && entry.kind === "set";
  ordered.forEach((entry, position) => {
    if (!(entry.record === "sessions" && entry.kind === "exercise" && entry.sets)) return;
    const mine = [];
    for (let i = position - 1; i >= 0 && mine.length < entry.sets; i -= 1) {
      const earlier = ordered[i];
      if (isSet(earlier) && !claimed.has(earlier.id) && earlier.day === entry.day &&
          earlier.exercise === entry.exercise) mine.push(earlier);
    }
    for (const part of mine) claimed.add(part.id);
    setsOf.set(entry.id, mine.reverse());
  });
  return ordered.filter((entry) => !claimed.has(entry.id)).reverse().map((entry) => {
    const sets = setsOf.get(entry.id) || [];
    let text = describeEntry(entry, words);
    if (isSet(entry)) text += " · not part of a finished exercise";
    if (sets.length) text += `, with the ${plural(sets.length, "set")} logged on its way`;
    return { ids: [entry.id, ...sets.map((part) => part.id)], text };
  });
}

function drawEntries(model, el, t, send) {
  const config = model.get("config");
  const list = t.element("ul", "thoracic-entries");
  const status = t.element("p", "thoracic-status");
  let asking = null; // the line whose Delete was pressed once
  el.append(t.element("h3", "", config.title), t.element("p", "", config.lead), list, status,
    savingNotice(model, t));
  const show = () => {
    if (asking) return; // never redrawn while it asks "Press again to delete it"
    const lines = entryLines(model.get("kept").entries || [], config.words)
      .slice(0, config.latest);
    list.replaceChildren();
    if (!lines.length) list.append(t.element("li", "", config.nothing));
    for (const line of lines) {
      const row = t.element("li", "thoracic-entry");
      const remove = t.button("Delete");
      remove.setAttribute("aria-label", `Delete: ${line.text}`);
      remove.addEventListener("click", () => {
        if (asking !== line) {
          asking = line;
          remove.textContent = "Yes, delete it";
          say(status, `Delete ${line.text}? Press again to delete it.`);
          return;
        }
        asking = null;
        send.act({ do: "delete", ids: line.ids }, (said) => {
          if (said.problem) say(status, notKept(said), true);
          else say(status, `✓ Deleted: ${line.text}`);
          show();
        });
      });
      row.append(t.element("span", "", `${line.text} `), remove);
      list.append(row);
    }
  };
  show();
  model.on("change:kept", show);
  return () => model.off("change:kept", show);
}

// -- My progress: the dashboard ---------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
// A chart fills the width it is given, so its words shrink with it: on a phone (and in a
// narrow panel) that is about 320 px, and under 12 px they are too small to read.
const NARROWEST_CHART_PX = 320;
const MIN_TEXT_PX = 12;
const dayNumber = (day) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOf = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);
const weekStart = (number) => number - ((new Date(number * DAY_MS).getUTCDay() + 6) % 7);
// One formatter for every date (making one for each date costs more than the chart).
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const shortDate = (number) => SHORT_DATE.format(new Date(number * DAY_MS));

/** Practice days and streaks as of `today`: the current streak still counts when today
 *  has no practice yet (the run ending yesterday). Days are day numbers. Python's
 *  summarise_practice keeps the same rule for the plan; tests hold the two together. */
export function summarisePractice(sessions, today) {
  const now = dayNumber(today);
  const minutes = new Map();
  for (const session of sessions) {
    const day = dayNumber(session.day);
    const add = session.kind === "exercise" ? session.duration_seconds / 60 : 0;
    // A routine's exercises are logged on their own too, so it adds no minutes.
    minutes.set(day, (minutes.get(day) ?? 0) + (session.kind === "routine" ? 0 : add));
  }
  const days = new Set([...minutes.keys()].filter((day) => day <= now));
  const streakEnding = (end) => {
    let count = 0;
    while (days.has(end - count)) count += 1;
    return count;
  };
  const sorted = [...days].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  sorted.forEach((day, i) => {
    run = i > 0 && sorted[i - 1] + 1 === day ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return { days, minutes, currentStreak: streakEnding(now) || streakEnding(now - 1),
    longestStreak: longest, daysThisWeek: sorted.filter((day) => day >= weekStart(now)).length,
    daysInAll: days.size };
}

/** The next-day answers of the `weeks` whole weeks ending with this one, by day number,
 *  how often each came, and how many of the latest answers in a row said "worse". */
export function summariseNextDay(checks, today, weeks) {
  const now = dayNumber(today);
  const first = weekStart(now) - 7 * (weeks - 1);
  const answers = new Map();
  const latest = [];
  for (const check of [...checks].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    const day = dayNumber(check.day);
    if (day > now) continue;
    latest.push(check.answer);
    if (day >= first) answers.set(day, check.answer);
  }
  let worseInARow = 0;
  while (latest.length && latest.pop() === "worse") worseInARow += 1;
  return { first, last: now, answers, worseInARow };
}

function charts(t) {
  const svg = (tag, attributes = {}, text) => {
    const node = t.doc.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  /** The font size, in a chart's own units, that stays readable when a chart `width`
   *  units wide is shown at its narrowest. */
  const textSize = (width) => Math.ceil(MIN_TEXT_PX * width / NARROWEST_CHART_PX);
  const picture = (title, alt, width, height) => {
    const figure = t.element("figure", "thoracic-chart");
    const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": alt,
      style: `width:100%;max-width:${Math.max(20, width / 12)}em;height:auto` });
    drawing.append(svg("title", {}, alt));
    figure.append(t.element("figcaption", "", title), drawing);
    const size = textSize(width);
    /** Words on the chart, at a size that can be read. */
    const label = (attributes, text) => drawing.append(svg("text", { "font-size": size, ...attributes }, text));
    /** The first and last dates under the chart, so it says when it shows. */
    const dates = (y, left, right, first, last) => {
      label({ x: left, y }, shortDate(first));
      if (last !== first) label({ x: right, y, "text-anchor": "end" }, shortDate(last));
    };
    return { figure, drawing, label, dates, size };
  };
  return { svg, picture, textSize };
}

function calendar(c, config, summary, today) {
  const weeks = config.calendar_weeks;
  const first = weekStart(today) - 7 * (weeks - 1);
  const practised = [...summary.days].filter((d) => d >= first && d <= today).length;
  const width = weeks * 14 + 4;
  const datesAt = 7 * 14 + 4 + c.textSize(width); // the dates' line, under the squares
  const { figure, drawing, dates } = c.picture(`Practice calendar, last ${weeks} weeks (darker = more minutes)`,
    `Calendar of the last ${weeks} weeks, one square per day, a dot on each day you practised: ${practised} days.`,
    width, datesAt + 4);
  for (let week = 0; week < weeks; week += 1) {
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const day = first + 7 * week + weekday;
      if (day > today) continue;
      const done = summary.days.has(day);
      const depth = done ? Math.min(1, 0.35 + (summary.minutes.get(day) || 0) / 15) : 1;
      const x = 2 + 14 * week;
      const y = 2 + 14 * weekday;
      drawing.append(c.svg("rect", { x, y, width: 12, height: 12, rx: 2, "data-day": dayOf(day),
        fill: done ? config.palette[0] : "#ececec", "fill-opacity": depth }));
      // A dot on each practice day, so the calendar does not rely on colour alone.
      if (done) drawing.append(c.svg("circle", { cx: x + 6, cy: y + 6, r: 2, fill: "#fff", stroke: "#000", "stroke-width": 0.5 }));
    }
  }
  dates(datesAt, 2, weeks * 14, first, weekStart(today));
  return figure;
}

function weeklyBars(c, config, summary, today) {
  const bars = config.weekly_bars;
  const thisWeek = weekStart(today);
  const counts = [];
  for (let n = bars - 1; n >= 0; n -= 1) {
    const start = thisWeek - 7 * n;
    counts.push([...summary.days].filter((d) => d >= start && d < start + 7).length);
  }
  const oldest = thisWeek - 7 * (bars - 1);
  const width = bars * 24 + 10;
  const key = c.textSize(width) + 8; // the aim's key, above the bars so that none covers it
  const floor = key + 7 * 12 + 6; // where the bars stand
  const { figure, drawing, label, dates } = c.picture("Days practised per week",
    `Bar chart of days practised in each of the last ${bars} weeks, oldest first, from the week of ${shortDate(oldest)} to the week of ${shortDate(thisWeek)}: ${counts.join(", ")}; the aim is ${config.weekly_target} days or more.`,
    width, floor + 22);
  counts.forEach((count, index) => {
    drawing.append(c.svg("rect", { x: 6 + 24 * index, y: floor - 12 * count, width: 18,
      height: 12 * count, fill: config.palette[0], "data-mark": "" }));
  });
  const aim = { stroke: config.palette[5], "stroke-dasharray": "4 3" };
  const target = floor - 12 * config.weekly_target;
  drawing.append(c.svg("line", { x1: 0, x2: width, y1: target, y2: target, ...aim }));
  drawing.append(c.svg("line", { x1: 6, x2: 22, y1: key / 2, y2: key / 2, ...aim }));
  label({ x: 26, y: key - 4 }, `aim: ${config.weekly_target} days or more`);
  dates(floor + 18, 6, bars * 24 + 4, oldest, thisWeek);
  return figure;
}

/** One panel a self-test: each side's change since its first result, over weeks, on a
 *  band that may be measurement noise. */
function selfTestTrends(c, config, results, t) {
  const box = t.element("div");
  const styles = { left: ["", config.palette[0]], right: ["5 3", config.palette[1]], "": ["", config.palette[2]] };
  for (const test of config.self_tests) {
    const mine = results.filter((r) => r.test === test.id);
    if (!mine.length) continue;
    const first = Math.min(...mine.map((r) => dayNumber(r.day)));
    const last = Math.max(...mine.map((r) => dayNumber(r.day)));
    const series = test.sides.map((side) => [side, mine.filter((r) => r.side === side)
      .sort((a, b) => (a.day < b.day ? -1 : 1))]).filter(([, points]) => points.length);
    const changes = series.flatMap(([, points]) => points.map((p) => p.value - points[0].value));
    const reach = Math.max(test.noise || 1, ...changes.map(Math.abs)) * 1.15;
    // The band of the way the latest result was taken: typed in, or by the phone.
    const latest = mine.reduce((a, b) => (b.day >= a.day ? b : a));
    const phone = latest.method === "phone";
    const noise = phone ? test.phone_noise : test.noise;
    const ringed = mine.some((r) => r.method === "phone");
    const width = 320;
    // The key goes above the plot, so that it never covers a result: the sides on one row,
    // then the band, then the phone's ring.
    const row = c.textSize(width) + 5;
    const top = 4 + row * (1 + (noise ? 1 : 0) + (ringed ? 1 : 0));
    const plot = 98;
    const height = top + plot + 22;
    const x = (day) => (last === first ? 40 + (width - 50) / 2 : 40 + (width - 50) * ((day - first) / (last - first)));
    const y = (change) => top + plot * (0.5 - change / (2 * reach));
    const better = test.better === "higher" ? "up is better" : "down is better";
    const said = series.map(([side, points]) => `${side || "result"}: first ${points[0].value}, latest ${points[points.length - 1].value} ${test.unit}`);
    const { figure, drawing, label, dates } = c.picture(`${test.name}: change since your first test (${better})`,
      `Line chart of your ${test.name.toLowerCase()} as change from your first result, from ${shortDate(first)} to ${shortDate(last)}; ${said.join("; ")}.`, width, height);
    const keyRow = (n) => 4 + row * (n + 1) - 5; // a key row's baseline
    const keyMiddle = (n) => keyRow(n) - row / 2 + 3; // the middle of its words
    const ring = (cx, cy) => c.svg("circle", { cx, cy, r: 5, fill: "none", stroke: "#000" });
    let rows = 1;
    if (noise) {
      drawing.append(c.svg("rect", { x: 40, y: y(noise), width: width - 50, height: y(-noise) - y(noise), fill: "#d9d9d9" }));
      drawing.append(c.svg("rect", { x: 40, y: keyMiddle(rows) - (row - 6) / 2, width: 16, height: row - 6, fill: "#d9d9d9" }));
      label({ x: 62, y: keyRow(rows) }, `±${noise}: may be noise${phone ? " (phone)" : ""}`);
      rows += 1;
    }
    if (ringed) {
      drawing.append(ring(48, keyMiddle(rows)));
      label({ x: 62, y: keyRow(rows) }, "measured by the phone");
    }
    drawing.append(c.svg("line", { x1: 40, x2: width - 10, y1: y(0), y2: y(0), stroke: "#000", "stroke-width": 0.8 }));
    label({ x: 36, y: y(0) + 4, "text-anchor": "end" }, "0");
    series.forEach(([side, points], n) => {
      const [dash, colour] = styles[side] || styles[""];
      const at = points.map((p) => `${x(dayNumber(p.day)).toFixed(1)},${y(p.value - points[0].value).toFixed(1)}`);
      drawing.append(c.svg("polyline", { points: at.join(" "), fill: "none", stroke: colour, "stroke-width": 1.5, "stroke-dasharray": dash }));
      at.forEach((point, index) => {
        const [cx, cy] = point.split(",");
        drawing.append(c.svg("circle", { cx, cy, r: 2.5, fill: colour, "data-mark": "" }));
        // A ring round each result the phone measured.
        if (points[index].method === "phone") drawing.append(ring(cx, cy));
      });
      // The key of each side: a piece of its line, then its name, side by side.
      const from = 40 + 90 * n;
      drawing.append(c.svg("line", { x1: from, x2: from + 18, y1: keyMiddle(0), y2: keyMiddle(0), stroke: colour, "stroke-width": 2, "stroke-dasharray": dash }));
      label({ x: from + 22, y: keyRow(0), fill: colour }, side || "result");
    });
    dates(height - 4, 40, width - 10, first, last);
    box.append(figure);
  }
  return box.children.length ? box : null;
}

function ratingTrend(c, config, sessions) {
  const byDay = new Map();
  for (const s of sessions) {
    if (s.rating === null || s.rating === undefined) continue;
    const day = dayNumber(s.day);
    byDay.set(day, [...(byDay.get(day) || []), s.rating]);
  }
  if (!byDay.size) return null;
  const days = [...byDay.keys()].sort((a, b) => a - b);
  // One point a day: the day's highest rating (as the notebook's chart draws it), so a bad
  // session is never averaged away; the day's others show on hover.
  const highest = days.map((day) => Math.max(...byDay.get(day)));
  // A sliding 7-day average, as the notebook's chart draws it, in one pass.
  let total = 0;
  let oldest = 0;
  const rolling = days.map((day, i) => {
    total += highest[i];
    for (; day - days[oldest] >= 7; oldest += 1) total -= highest[oldest];
    return total / (i + 1 - oldest);
  });
  const scale = config.scale;
  const width = 320;
  const height = 152; // 12 of them for the dates underneath
  const left = 64; // the zones' names, at a size a phone can read, left of the plot
  const y = (value) => 10 + (height - 32) * (1 - (value - scale.lowest) / (scale.highest - scale.lowest));
  const first = days[0];
  const last = days[days.length - 1];
  // One day of ratings sits in the middle, not on the chart's left edge.
  const x = (day) => (last === first ? left + (width - left - 10) / 2 : left + (width - left - 10) * ((day - first) / (last - first)));
  const zoneOf = (n) => scale.zones.find((z) => z.lowest <= n && n <= z.highest);
  const latest = Math.round(rolling[rolling.length - 1] * 10) / 10;
  const { figure, drawing, label, dates } = c.picture(`Discomfort after practice (${scale.anchors})`,
    `Your ratings of discomfort on ${days.length} days (each day's highest), from ${shortDate(first)} to ${shortDate(last)}, with a 7-day average; the latest average is ${latest} (${zoneOf(Math.round(latest)).word}). The chart is shaded in the zones: ${scale.zones.map((z) => `${z.word} ${z.lowest} to ${z.highest}`).join(", ")}.`,
    width, height);
  for (const zone of scale.zones) {
    const top = y(Math.min(zone.highest + 0.5, scale.highest));
    const bottom = y(Math.max(zone.lowest - 0.5, scale.lowest));
    drawing.append(c.svg("rect", { x: left, y: top, width: width - left - 10, height: bottom - top, fill: zone.colour, "fill-opacity": 0.25 }));
    label({ x: 2, y: (top + bottom) / 2 + 4 }, `${zone.symbol} ${zone.word}`);
  }
  if (days.length <= 365) {
    days.forEach((day, i) => {
      const dot = c.svg("circle", { cx: x(day), cy: y(highest[i]), r: 3.5, fill: "#222" });
      const all = byDay.get(day);
      dot.append(c.svg("title", {}, `${shortDate(day)}: ${all.length > 1 ? `${all.join(", ")} (highest ${highest[i]})` : all[0]}`));
      drawing.append(dot);
    });
  } else { // years of history: one dot a week (the mean of its days), as the notebook draws it
    const weeks = new Map();
    days.forEach((day, i) => {
      const week = Math.floor((day - first) / 7);
      weeks.set(week, [...(weeks.get(week) || []), highest[i]]);
    });
    for (const [week, values] of weeks) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      drawing.append(c.svg("circle", { cx: x(first + week * 7 + 3), cy: y(mean), r: 2.5, fill: "#222" }));
    }
  }
  const line = days.map((day, i) => `${x(day).toFixed(1)},${y(rolling[i]).toFixed(1)}`).join(" ");
  drawing.append(c.svg("polyline", { points: line, fill: "none", stroke: config.palette[7] || "#222", "stroke-width": 2 }));
  dates(height - 4, left, width - 10, first, last);
  return figure;
}

/** The next-day answers of the last few weeks, a week a row, each in its word and
 *  symbol; after "worse" too many times in a row, its advice again. */
function nextDayWeeks(t, config, summary) {
  if (!summary.answers.size && !summary.worseInARow) return null;
  const box = t.element("div");
  const weeks = Math.floor((summary.last - summary.first) / 7) + 1;
  const title = `The next-day check, last ${weeks} weeks`;
  box.append(t.element("h3", "", title));
  // The key: on a phone the cells show only colour and symbol, so that a week fits.
  box.append(t.element("p", "thoracic-next-day-key", config.next_day.answers
    .map((o) => `${o.symbol} ${o.word.toLowerCase()}`).join(" · ")));
  const table = t.element("table", "thoracic-table thoracic-next-day");
  table.setAttribute("aria-label", title);
  const head = t.element("tr");
  head.append(t.element("th", "", "Week of"), ...config.weekdays.map((d) => t.element("th", "", d)));
  table.append(head);
  const counts = Object.fromEntries(config.next_day.answers.map((o) => [o.answer, 0]));
  for (let week = 0; week < weeks; week += 1) {
    const monday = summary.first + 7 * week;
    const row = t.element("tr");
    row.append(t.element("th", "", shortDate(monday)));
    for (let d = 0; d < 7; d += 1) {
      const answer = summary.answers.get(monday + d);
      const option = config.next_day.answers.find((o) => o.answer === answer);
      const cell = t.element("td");
      if (option) {
        cell.append(option.symbol, t.element("span", "thoracic-word", ` ${option.answer}`));
        counts[answer] += 1;
        cell.style.background = option.colour;
        cell.style.color = "#000";
      }
      row.append(cell);
    }
    table.append(row);
  }
  const scroller = t.element("div", "thoracic-wide"); // a phone scrolls the table, not the page
  scroller.append(table);
  box.append(scroller, t.element("p", "", `${title}: ${config.next_day.answers
    .map((o) => `${o.word.toLowerCase()} ${counts[o.answer]}`).join(", ")}.`));
  if (summary.worseInARow >= config.next_day.worse_in_a_row) {
    const worse = config.next_day.answers.find((o) => o.answer === "worse");
    const alert = t.element("p", "thoracic-alert");
    alert.setAttribute("role", "alert");
    alert.append(t.element("strong", "", `${worse.symbol} Your last ${summary.worseInARow} next-day checks all said worse.`), ` ${worse.advice}`);
    box.append(alert);
  }
  return box;
}

const NOTE_SHOWN = 120; // characters of a long note shown before "Read all"

/** A day as a table cell, as people write it ("2 Dec"; with its year if not this year's),
 *  which a phone's narrow column does not break in two as it would 2026-12-02. */
function dayCell(t, day, today) {
  const cell = t.element("td");
  const when = t.element("time", "", shortDate(dayNumber(day)));
  when.dateTime = day;
  if (day.slice(0, 4) !== dayOf(today).slice(0, 4)) when.append(` ${day.slice(0, 4)}`);
  cell.append(when);
  return cell;
}

/** A note as a table cell: whole when short; a long one begins, and opens to read it all. */
function noteCell(t, note) {
  const cell = t.element("td");
  const letters = [...note];
  if (letters.length <= NOTE_SHOWN + 20) {
    cell.textContent = note;
    return cell;
  }
  const more = t.element("details");
  more.append(t.element("summary", "", `${letters.slice(0, NOTE_SHOWN).join("").trimEnd()}… (read all)`),
    t.element("p", "", note));
  cell.append(more);
  return cell;
}

function drawDashboard(model, el, t, send) {
  const config = model.get("config");
  const view = t.element("div", "thoracic-dashboard");
  const files = fileControls(model, t, send);
  el.append(savingNotice(model, t), view, files.box);
  const show = () => {
    const kept = model.get("kept");
    view.replaceChildren();
    if (!kept.today) return; // nothing read yet
    const sessions = kept.sessions || [];
    const results = kept.self_tests || [];
    const checks = kept.next_day_checks || [];
    const asked = new Set(config.questions);
    const answers = (kept.quiz_answers || []).filter((a) => asked.has(a.question));
    if (!sessions.length && !results.length && !checks.length && !answers.length) {
      view.append(t.element("p", "thoracic-nothing", config.nothing));
      return;
    }
    if (kept.example) view.append(t.element("p", "thoracic-alert", config.example));
    const today = dayNumber(kept.today);
    const summary = summarisePractice(sessions, kept.today);
    const facts = t.element("ul");
    facts.setAttribute("aria-label", "Practice summary");
    for (const [key, value] of [["current", summary.currentStreak], ["longest", summary.longestStreak],
      ["this_week", summary.daysThisWeek], ["in_all", summary.daysInAll]]) {
      facts.append(t.element("li", "", config.facts[key].replace("{}", String(value))));
    }
    view.append(facts);
    const c = charts(t);
    if (sessions.length) view.append(calendar(c, config, summary, today), weeklyBars(c, config, summary, today));
    const trends = selfTestTrends(c, config, results, t);
    if (trends) view.append(trends);
    else view.append(t.element("p", "", config.no_self_tests));
    const trend = ratingTrend(c, config, sessions);
    if (trend) view.append(trend);
    const next = nextDayWeeks(t, config, summariseNextDay(checks, kept.today, config.next_day_weeks));
    if (next) view.append(next);
    else if (sessions.length) view.append(t.element("p", "", config.no_next_day));
    if (answers.length) {
      const latest = new Map(answers.map((a) => [a.question, a.correct])); // the last try counts
      const right = [...latest.values()].filter(Boolean).length;
      view.append(t.element("p", "", `Knowledge checks: ${right} of ${latest.size} questions answered right (your latest try at each)`));
    }
    const notes = sessions.filter((s) => s.note).slice(-5).reverse();
    if (notes.length) {
      view.append(t.element("h3", "", "Your latest notes"));
      const table = t.element("table", "thoracic-table");
      table.setAttribute("aria-label", "Latest notes");
      const head = t.element("tr");
      head.append(t.element("th", "", "Day"), t.element("th", "", "Exercise"), t.element("th", "", "Note"));
      table.append(head);
      for (const s of notes) {
        const row = t.element("tr");
        row.append(dayCell(t, s.day, today), t.element("td", "", s.exercise), noteCell(t, s.note));
        table.append(row);
      }
      view.append(table);
    }
  };
  show();
  model.on("change:kept", show);
  return () => {
    model.off("change:kept", show);
    files.stop();
  };
}

/** An import's report in words: what was added, updated and already here, by kind. */
export function reportWords(report, nouns) {
  const counted = (counts) => Object.keys(nouns).filter((kind) => counts[kind])
    .map((kind) => `${counts[kind].toLocaleString("en")} ${nouns[kind][counts[kind] === 1 ? 0 : 1]}`).join(", ");
  const [added, updated, skipped] = [report.added, report.updated, report.skipped].map(counted);
  return [added ? `Added ${added}.` : "Nothing new to add.",
    updated && `Updated, as the file's were saved later: ${updated}.`,
    skipped && `Already here, so left as they were: ${skipped}.`].filter(Boolean).join(" ");
}

/** The progress file both ways, under the dashboard: "Save" asks the host for the file
 *  (it comes back as a message, {file: {name, text}}) and offers it as a download; "Load"
 *  sends the chosen file's bytes (not when it is too large: its size says so) for the host
 *  to check and merge, and says what the import did. */
function fileControls(model, t, send) {
  const words = model.get("config").files;
  const box = t.element("section", "thoracic-file");
  box.setAttribute("aria-label", words.heading);
  const save = t.button(words.save);
  const load = t.element("label", "thoracic-button", words.load);
  const chooser = t.element("input", "thoracic-file-input");
  chooser.type = "file";
  chooser.accept = ".json,application/json";
  load.append(chooser);
  const status = t.element("p", "thoracic-status");
  const heard = (content) => {
    if (!content || !content.file) return;
    const link = t.element("a");
    link.href = URL.createObjectURL(new Blob([content.file.text], { type: "application/json" }));
    link.download = content.file.name;
    t.doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000); // once the download has begun
    say(status, `✓ ${words.saved.replaceAll("{name}", content.file.name)}`);
  };
  model.on("msg:custom", heard);
  save.addEventListener("click", () => send.act({ do: "save" }, (done) => {
    if (done.problem) say(status, `⚠ ${done.problem}`, true);
  }));
  chooser.addEventListener("change", async () => {
    const file = chooser.files && chooser.files[0];
    chooser.value = "";
    if (!file) return;
    const bytes = file.size > words.max_bytes ? [] : [new Uint8Array(await file.arrayBuffer())];
    send.act({ do: "load", name: file.name, size: file.size }, (done) => {
      if (done.problem) say(status, `⚠ ${done.problem}`, true);
      else say(status, `✓ ${reportWords(done.report, words.nouns)}`);
    }, bytes);
  });
  box.append(t.element("h3", "", words.heading), t.element("p", "", words.intro), save, load, status);
  return { box, stop: () => model.off("msg:custom", heard) };
}

// -- today ----------------------------------------------------------------------------

/** Whether this is a page saved on its own (the one-page export), without the others. */
const savedAlone = () => Boolean(globalThis.ThoracicSite && globalThis.document.querySelector(".course-alone"));

/** A link to a course page by its name ("08-daily-routine", perhaps with "#a-heading"):
 *  a page of the site where the site's scripts host the parts, else the notebook (in
 *  JupyterLab). Asked of the host, not of where the part sits: JupyterLab puts a part on
 *  the page only after it is drawn. In JupyterLab the notebook opens in a new browser tab:
 *  followed in place, the link would reload JupyterLab, first asking whether to leave
 *  the page (JupyterLab lets no widget open a notebook in it without trusting the
 *  notebook first). On a page saved on its own the other pages are not there: the link is
 *  its words, as the page's own links to other notebooks are. */
function pageLink(t, page, className = "", words = "") {
  const [name, section] = page.split("#");
  const site = Boolean(globalThis.ThoracicSite);
  if (savedAlone()) {
    return t.element("span", `${className} course-elsewhere`.trim(), words);
  }
  const link = t.element("a", className, words);
  link.href = `${name}${site ? ".html" : ".ipynb"}${section ? `#${section}` : ""}`;
  if (!site) Object.assign(link, { target: "_blank", rel: "noopener" });
  return link;
}

function drawToday(model, el, t) {
  const config = model.get("config");
  const view = t.element("div", "thoracic-today");
  el.append(view);
  const big = (href, title, line, done) => {
    const link = pageLink(t, href, `thoracic-today-big${done ? " thoracic-done" : ""}`);
    link.append(t.element("strong", "", title), t.element("span", "", line));
    return link;
  };
  const show = () => {
    const kept = model.get("kept");
    view.replaceChildren();
    if (!kept.today) return; // nothing read yet
    const sessions = kept.sessions || [];
    const now = sessions.filter((s) => s.day === kept.today);
    const doneToday = (name) => now.some((s) => s.exercise === name && s.kind !== "set");
    const when = new Date(`${kept.today}T00:00:00Z`).toLocaleDateString("en-GB",
      { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
    view.append(t.element("h2", "", `Today, ${when}`));
    const week = summarisePractice(sessions, kept.today).daysThisWeek;
    const aim = config.weekly_target;
    view.append(t.element("p", "thoracic-today-week", (week
      ? `This week you have practised on ${plural(week, "day")} so far.`
      : "You have not practised yet this week.") + (week >= aim
      ? ` That is this week's aim of ${aim} days reached. Any more is a bonus, and a rest day is fine too.`
      : ` The aim is ${aim} days or more.`)));
    const safety = config.safety;
    // Until the safety check is answered, and after two weeks without practice.
    if (!sessions.length || !kept.safety_answered) view.append(big(safety.page, safety.title, safety.line));
    if (kept.next_day_due) {
      view.append(big(config.next_day.page, "First, the next-day check", config.next_day.question));
    }
    const routine = config.routine;
    const minutes = kept.routine_minutes ? `about ${kept.routine_minutes} min` : routine.minutes; // at this week's doses
    view.append(big(routine.page, `\u25B6\uFE0E ${routine.name}, ${minutes}`,
      doneToday(routine.name) ? "✓ Done today. Well done!" : routine.exercises.join(" · "), doneToday(routine.name)));
    view.append(t.element("h3", "", "Or one exercise"));
    const grid = t.element("div", "thoracic-today-grid");
    for (const exercise of config.exercises) {
      const done = doneToday(exercise.name);
      grid.append(big(exercise.page, exercise.name, done ? "✓ Done today" : exercise.purpose, done));
    }
    view.append(grid, t.element("h3", "", "Done today"));
    const names = [...new Set(now.filter((s) => s.kind !== "set").map((s) => s.exercise))];
    const sets = now.filter((s) => s.kind === "set" && !names.includes(s.exercise));
    if (!names.length && !sets.length) {
      view.append(t.element("p", "", "Nothing yet today. A few minutes is plenty."));
    } else {
      const list = t.element("ul");
      for (const name of names) list.append(t.element("li", "", `✓ ${name}`));
      for (const name of new Set(sets.map((s) => s.exercise))) list.append(t.element("li", "", `Some sets of ${name}`));
      view.append(list);
    }
    const link = (page, words) => {
      const line = t.element("p");
      line.append(pageLink(t, page, "", words));
      return line;
    };
    const [before, words, after] = safety.always;
    const always = link(safety.page, words);
    always.prepend(before);
    always.append(after);
    // Not on the progress page itself (in JupyterLab, Today is only there), nor alone.
    const elsewhere = globalThis.ThoracicSite && !savedAlone() &&
      !decodeURI(globalThis.location.pathname).endsWith(`/${config.progress_page}.html`);
    if (elsewhere) view.append(link(config.progress_page, "See all your progress"));
    view.append(always);
  };
  show();
  model.on("change:kept", show);
  return () => model.off("change:kept", show);
}

// -- the plan -------------------------------------------------------------------------

/** "Monday 30 November 2026", as the course writes a day everywhere. */
function dayWords(day) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric",
    month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(`${day}T00:00:00Z`))
    .map(({ type, value }) => [type, value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** This week's plan (each exercise's dose, sessions and why) or every week's so far; the
 *  host works the weeks out (Python's thoracic.plan, or plan.js on the site). */
function drawPlan(model, el, t) {
  const config = model.get("config");
  const view = t.element("section", "thoracic-plan");
  view.setAttribute("aria-label", "Your plan");
  el.append(view);
  const dated = (week) => `Week ${week.week_number} (starting ${dayWords(week.week_start)})`;
  const table = (title, heads, rows) => {
    const node = t.element("table", "thoracic-table");
    node.setAttribute("aria-label", title);
    const head = t.element("tr");
    head.append(...heads.map((words) => t.element("th", "", words)));
    node.append(head);
    for (const cells of rows) {
      const row = t.element("tr");
      row.append(...cells.map((words) => t.element("td", "", words)));
      node.append(row);
    }
    const scroller = t.element("div", "thoracic-wide"); // a phone scrolls the table, not the page
    scroller.append(node);
    return scroller;
  };
  const show = () => {
    const weeks = model.get("kept").weeks || [];
    view.replaceChildren();
    if (!weeks.length) return; // nothing read yet
    const latest = weeks[weeks.length - 1];
    const exercises = config.exercises;
    const level = (exercise, planned) => exercise.levels[planned.level];
    if (config.view === "week") view.append(t.element("h3", "", `Your plan: ${dated(latest)}`));
    if (latest.example) view.append(t.element("p").appendChild(t.element("strong", "", config.example)).parentNode);
    if (config.view === "week") {
      // One card an exercise: a phone reads them top to bottom, where a table's four
      // columns would squeeze each into a few words a line.
      const list = t.element("ul", "thoracic-plan-list");
      list.setAttribute("aria-label", "This week for each exercise");
      latest.exercises.forEach((planned, n) => {
        const { label, dose } = level(exercises[n], planned);
        const item = t.element("li", "thoracic-plan-item");
        item.dataset.exercise = planned.id;
        const said = t.element("p", "thoracic-plan-dose");
        said.append(t.element("strong", "", `${label}:`), ` ${dose}`);
        item.append(t.element("h4", "", exercises[n].name), said,
          t.element("p", "", `${planned.done} of ${planned.target} sessions this week`),
          t.element("p", "thoracic-plan-why", planned.reason));
        list.append(item);
      });
      view.append(list);
    } else {
      view.append(table("The plan, week by week", ["Week", ...exercises.map((exercise) => exercise.name)],
        [...weeks].reverse().map((week) => [dated(week),
          ...week.exercises.map((planned, n) => level(exercises[n], planned).label)])));
    }
  };
  show();
  model.on("change:kept", show);
  return () => model.off("change:kept", show);
}

// -- do it now ------------------------------------------------------------------------

/** One big button at the top of an exercise's page: the page's timer for it fills the
 *  screen and counts you in (the timer listens for "thoracic-do-it-now"). */
function drawDoItNow(model, el, t) {
  const config = model.get("config");
  const go = t.button(`\u25B6\uFE0E ${config.label}`, "thoracic-button thoracic-do-it-now");
  const status = t.element("p", "thoracic-status");
  go.addEventListener("click", () => {
    const scope = el.closest(".jp-Notebook") || t.doc;
    const timer = [...scope.querySelectorAll(".ubr-timer")].find((node) => node.dataset.plan === config.timer);
    if (!timer) {
      say(status, config.missing, true);
      return;
    }
    status.textContent = "";
    timer.dispatchEvent(new CustomEvent("thoracic-do-it-now"));
  });
  el.append(go, t.element("p", "thoracic-do-it-now-says", config.says), status);
}

const PARTS = {
  checklist: drawChecklist,
  safety: drawSafety,
  banner: drawBanner,
  quiz: drawQuiz,
  "self-test": drawSelfTest,
  "next-day": drawNextDay,
  rating: drawRating,
  entries: drawEntries,
  dashboard: drawDashboard,
  "do-it-now": drawDoItNow,
  today: drawToday,
  plan: drawPlan,
};

function render({ model, el }) {
  const draw = PARTS[model.get("kind")];
  const t = tools(el);
  const part = t.element("div", "thoracic-live");
  part.dataset.thoracic = model.get("kind");
  el.append(part);
  if (!draw) {
    part.textContent = `This part (${model.get("kind")}) is not known to this page.`;
    return undefined;
  }
  const send = actions(model);
  const stop = draw(model, part, t, send);
  return () => {
    send.stop();
    if (stop) stop();
  };
}

export default { render };
