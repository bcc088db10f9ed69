// The course's interactive parts, one front-end for JupyterLab and the offline site: the
// checklists, the safety check and its banner, the knowledge checks, the self-test form,
// the next-day check, the rating of a practice and "fix a wrong entry".
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
    act(message, then = () => {}) {
      waiting.push(then);
      model.send(message);
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
  const status = t.element("p", "thoracic-status");
  const list = checklist(t, send, config, { ticked: () => model.get("kept").ticked || {} });
  const redraw = () => {
    list.draw();
    const said = model.get("status") || {};
    if (said.problem) say(status, notKept(said), true);
    else status.textContent = "";
  };
  el.append(list.part, status, savingNotice(model, t));
  list.draw();
  model.on("change:kept", list.draw);
  model.on("change:status", redraw); // a box not kept goes back to what is kept
  return () => {
    model.off("change:kept", list.draw);
    model.off("change:status", redraw);
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
  const show = () => {
    const state = safetyState(config, kept());
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
  const redraw = () => {
    list.draw();
    const said = model.get("status") || {};
    if (said.problem) say(status, notKept(said), true);
    else status.textContent = "";
  };
  el.append(list.part, message, clearance, status, savingNotice(model, t), sources);
  list.draw();
  model.on("change:kept", list.draw);
  model.on("change:status", redraw);
  return () => {
    model.off("change:kept", list.draw);
    model.off("change:status", redraw);
  };
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
      radio.name = `quiz-${question.id}-${number}-${model.get("kind")}`;
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
  save.addEventListener("click", () => {
    const session = model.get("kept").session;
    if (!session) return;
    const text = note.value.trim() || null;
    const said = rating === null ? " No rating." : ` ${rating} out of ${scale.highest}.`;
    const shown = text ? ` Note: ${text}` : "";
    send.act({ do: "rate", session, rating, note: text }, (outcome) => {
      if (outcome.problem) say(status, notKept(outcome), true);
      else say(status, `✓ Saved:${said}${shown}`);
    });
  });
  const ask = () => {
    const asking = Boolean(model.get("kept").session);
    save.disabled = !asking;
    note.disabled = !asking;
    if (asking) {
      heading.replaceChildren(t.element("strong", "", "Well done!"), " How did your back feel?");
      status.textContent = "";
    }
  };
  el.append(heading, question, buttons, zoneLine, note, save, status, savingNotice(model, t));
  ask();
  model.on("change:kept", ask);
  return () => model.off("change:kept", ask);
}

// -- fix a wrong entry ------------------------------------------------------------------

const byTime = (a, b) => (a.day === b.day ? (a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0)
  : a.day < b.day ? -1 : 1);
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The line a learner recognises an entry by: day, what, how much, how it felt. */
export function describeEntry(entry, words) {
  if (entry.record === "next_day_checks") {
    return `${entry.day} · next-day check · ${words[entry.answer].toLowerCase()}`;
  }
  if (entry.record === "self_tests") {
    const side = entry.side ? ` (${entry.side} side)` : "";
    return `${entry.day} · self-test · ${entry.test}${side}: ${format(entry.value)}`;
  }
  const parts = [entry.day, entry.kind, entry.exercise, `${format(entry.duration_seconds)} s`];
  if (entry.sets) parts.push(plural(entry.sets, "set"));
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
    const lines = entryLines(model.get("kept").entries || [], config.next_day_words)
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

const PARTS = {
  checklist: drawChecklist,
  safety: drawSafety,
  banner: drawBanner,
  quiz: drawQuiz,
  "self-test": drawSelfTest,
  "next-day": drawNextDay,
  rating: drawRating,
  entries: drawEntries,
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
