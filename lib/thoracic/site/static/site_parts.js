// The exported pages' checklists, safety check, red-flag banner, quizzes, self-test forms
// and next-day check, kept on this device. Each part gets its words and data from the
// course's records (in the page, as the part's config) and keeps to the same rules as
// the JupyterLab widgets: the same stable ids, daily lists fresh each day, one next-day
// answer a day, the same range checks for self-tests (from device.js).
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || { parts: {} });
  const { element, button, say, keep } = Site;

  /** Checkboxes with labels, group headings and an "n of m ticked" count. */
  function checklist(container, list, store, { notes = {}, onChange = () => {} } = {}) {
    const day = list.daily ? Site.today() : "";
    container.append(element("h3", "", list.title));
    const saved = store.ticks(list.id, { day });
    const boxes = new Map();
    let group = "";
    let items = element("ul", "thoracic-checklist");
    container.append(items);
    const count = element("p", "thoracic-count");
    const status = element("p", "thoracic-status");
    function update() {
      const ticked = [...boxes.values()].filter((box) => box.checked).length;
      const all = ticked === boxes.size ? " ✓ All done" : "";
      count.textContent = `${ticked} of ${boxes.size} ticked${all}`;
      onChange([...boxes].filter(([, box]) => box.checked).map(([id]) => id));
    }
    for (const item of list.items) {
      if (item.group && item.group !== group) {
        group = item.group;
        container.append(element("h4", "", group));
        if (notes[group]) container.append(element("p", "", notes[group]));
        items = element("ul", "thoracic-checklist");
        container.append(items);
      }
      const row = element("li");
      const label = element("label");
      const box = element("input");
      box.type = "checkbox";
      box.checked = Boolean(saved[item.id]);
      box.addEventListener("change", () => {
        const kept = keep(() => store.setTick(list.id, item.id, box.checked, { day }), status);
        if (!kept) box.checked = !box.checked; // the box shows what is really kept
        update();
      });
      boxes.set(item.id, box);
      label.append(box, ` ${item.text}`);
      row.append(label);
      items.append(row);
    }
    container.append(count, status);
    update();
    return boxes;
  }

  Site.parts.checklist = (part, config, store) => {
    checklist(part, config, store);
  };

  function mostUrgent(config, flags) {
    const urgencies = new Set(flags.map((f) => f.urgency));
    return config.urgencies.find((advice) => urgencies.has(advice.urgency));
  }

  /** The ticked flags and which of them a clinician checked, as the Python safety_state. */
  function safetyState(config, store) {
    const saved = store.ticks(config.checklist);
    const stamps = store.tickTimes(config.cleared_checklist);
    const today = Date.parse(`${Site.today()}T00:00:00Z`);
    const ticked = config.flags.filter((flag) => saved[flag.id]);
    const cleared = new Map();
    const expired = new Set();
    for (const flag of ticked) {
      const stamp = stamps[flag.id];
      const day = stamp ? Date.parse(`${stamp.slice(0, 10)}T00:00:00Z`) : NaN;
      if (Number.isNaN(day)) continue;
      if ((today - day) / 86400000 > config.clearance_days) expired.add(flag.id);
      else cleared.set(flag.id, stamp.slice(0, 10));
    }
    const open = ticked.filter((flag) => !cleared.has(flag.id));
    return { ticked, cleared, expired, open };
  }

  function adviceNodes(config, state) {
    if (!state.open.length) return [element("p", "", config.all_cleared)];
    const advice = mostUrgent(config, state.open);
    const first = element("p");
    first.append(element("strong", "", `${advice.heading}.`), ` ${advice.action}`);
    const listed = element("ul");
    for (const flag of state.open) {
      const row = element("li", "", flag.text);
      if (flag.note) row.append(" ", element("strong", "", flag.note));
      if (state.expired.has(flag.id)) row.append(" ", element("em", "", config.expired));
      listed.append(row);
    }
    const nodes = [first, element("p", "", "You ticked:"), listed];
    if (config.calm_urgencies.includes(advice.urgency)) nodes.push(element("p", "", config.thanks));
    return nodes;
  }

  Site.parts.safety = (part, config, store) => {
    const notes = Object.fromEntries(config.urgencies.map((a) => [a.heading, a.action]));
    const message = element("div", "thoracic-message");
    const clearance = element("div", "thoracic-clearance");
    const status = element("p", "thoracic-status");
    const showAdvice = (state) => {
      message.replaceChildren();
      message.classList.toggle("thoracic-alert", state.open.length > 0);
      message.removeAttribute("role");
      if (!state.ticked.length) {
        message.append(element("p", "", config.nothing));
        return;
      }
      message.append(...adviceNodes(config, state));
      if (state.open.length) message.setAttribute("role", "alert");
    };
    const labelText = (flag, day) =>
      ` ${config.cleared_label}${day ? ` (you said so on ${day})` : ""}: ${flag.text}`;
    // The "I have been checked" boxes are drawn again only when the ticked flags change,
    // so a box is never replaced under the learner's finger.
    const show = () => {
      const state = safetyState(config, store);
      showAdvice(state);
      clearance.replaceChildren();
      if (!state.ticked.length) return;
      clearance.append(element("h4", "", config.cleared_heading), element("p", "", config.cleared_lead));
      const rows = element("ul", "thoracic-checklist");
      for (const flag of state.ticked) {
        const label = element("label");
        const box = element("input");
        const words = root.document.createTextNode(labelText(flag, state.cleared.get(flag.id)));
        box.type = "checkbox";
        box.checked = state.cleared.has(flag.id);
        box.addEventListener("change", () => {
          const kept = keep(() => store.setTick(config.cleared_checklist, flag.id, box.checked), status);
          if (!kept) box.checked = !box.checked; // the box shows what is really kept
          const now = safetyState(config, store);
          words.textContent = labelText(flag, now.cleared.get(flag.id));
          showAdvice(now);
        });
        label.append(box, words);
        const row = element("li");
        row.append(label);
        rows.append(row);
      }
      clearance.append(rows);
    };
    checklist(part, config.list, store, { notes, onChange: show });
    const sources = element("div");
    sources.innerHTML = config.sources; // made by the course from its own records, escaped
    part.append(message, clearance, status, sources);
    show();
  };

  Site.parts.banner = (part, config, store) => {
    const state = safetyState(config, store);
    if (!state.ticked.length) return;
    if (!state.open.length) {
      const quiet = element("p");
      quiet.append(element("em", "", `In the safety check (notebook 00): ${config.all_cleared}`));
      part.append(quiet);
      return;
    }
    const advice = mostUrgent(config, state.open);
    const banner = element("div", "thoracic-alert");
    banner.setAttribute("role", "alert");
    const expired = state.open.some((flag) => state.expired.has(flag.id)) ? ` ${config.expired}` : "";
    banner.append(element("strong", "", config.banner_lead),
      ` ${config.banner_middle} ${state.open.map((flag) => flag.text).join("; ")}. `,
      element("strong", "", `${advice.heading}.`), ` ${advice.action}${expired}`);
    part.append(banner);
  };

  Site.parts.quiz = (part, config, store) => {
    part.append(element("h3", "", "Check what you learned"));
    config.questions.forEach((question, number) => {
      const box = element("fieldset", "thoracic-question");
      const legend = element("legend");
      legend.append(element("strong", "", question.prompt));
      box.append(legend);
      question.choices.forEach((choice, index) => {
        const label = element("label", "thoracic-choice");
        const radio = element("input");
        radio.type = "radio";
        radio.name = `quiz-${question.id}-${number}`;
        radio.value = String(index);
        label.append(radio, ` ${choice}`);
        box.append(label);
      });
      const check = button("Check my answer");
      const feedback = element("p", "thoracic-feedback");
      check.addEventListener("click", () => {
        const picked = box.querySelector("input:checked");
        if (!picked) {
          say(feedback, "Pick an answer first.");
          return;
        }
        const choice = Number(picked.value);
        const right = choice === question.answer;
        feedback.replaceChildren(element("strong", "", right ? "✓" : "✗"),
          ` ${question.feedback[choice]}`);
        feedback.setAttribute("role", "status");
        keep(() => store.recordQuizAnswer(question.id, choice, right), feedback);
      });
      box.append(check, feedback);
      part.append(box);
    });
  };

  Site.parts["self-test"] = (part, config, store) => {
    part.append(element("h3", "", `Record your ${config.name.toLowerCase()}`));
    const inputs = config.sides.map((side, index) => {
      const label = element("label", "thoracic-field", `${config.labels[index]} `);
      const input = element("input");
      input.inputMode = "decimal";
      input.autocomplete = "off";
      label.append(input);
      part.append(label);
      return [side, input];
    });
    const save = button(`Save ${config.name.toLowerCase()}`);
    const status = element("p", "thoracic-status");
    save.addEventListener("click", () => {
      let values;
      try {
        values = inputs.map(([side, input]) => [side, store.parseSelfTest(config.test, input.value, side)]);
      } catch (error) {
        say(status, `⚠ ${error.message} Nothing was saved.`, true);
        return;
      }
      const shown = values.map(([side, value]) => `${side || "result"} ${value}`).join(", ");
      const kept = keep(() => {
        for (const [side, value] of values) store.recordSelfTest(config.test, value, { side });
      }, status);
      if (kept) {
        say(status, `✓ Saved: ${shown} ${config.unit}.`);
        for (const [, input] of inputs) input.value = "";
      }
    });
    part.append(save, status);
  };

  Site.parts["next-day"] = (part, config, store) => {
    part.append(element("h3", "", config.title));
    const today = Site.today();
    const saved = store.nextDayChecks().find((check) => check.day === today);
    const practised = store.sessions().some((session) => session.day < today);
    if (!practised && !saved) {
      part.append(element("p", "", config.not_yet));
      return;
    }
    part.append(element("p", "", config.question));
    const buttons = element("div", "thoracic-choices");
    const advice = element("p", "thoracic-advice");
    const status = element("p", "thoracic-status");
    const showAdvice = (answer) => {
      const option = config.answers.find((a) => a.answer === answer);
      advice.replaceChildren(element("strong", "", `${option.symbol} ${option.word}:`), ` ${option.advice}`);
      advice.style.borderLeft = `6px solid ${option.colour}`;
      for (const node of buttons.children) node.setAttribute("aria-pressed", String(node.value === answer));
    };
    for (const option of config.answers) {
      const choice = button(option.word);
      choice.value = option.answer;
      choice.setAttribute("aria-pressed", "false");
      choice.addEventListener("click", () => {
        if (keep(() => store.recordNextDayCheck(option.answer), status)) {
          showAdvice(option.answer);
          say(status, `✓ Saved for today: ${option.word}. You can change it.`);
        }
      });
      buttons.append(choice);
    }
    part.append(buttons, advice, status);
    if (saved) {
      showAdvice(saved.answer);
      say(status, "✓ Saved for today. You can change it.");
    }
  };
})(globalThis);
