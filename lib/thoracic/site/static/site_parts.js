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

  function mostUrgent(config, ticked) {
    const urgencies = new Set(config.flags.filter((f) => ticked.includes(f.id)).map((f) => f.urgency));
    return config.urgencies.find((advice) => urgencies.has(advice.urgency));
  }

  function flagTexts(config, ticked) {
    return config.flags.filter((flag) => ticked.includes(flag.id)).map((flag) => flag.text);
  }

  Site.parts.safety = (part, config, store) => {
    const notes = Object.fromEntries(config.urgencies.map((a) => [a.heading, a.action]));
    const message = element("div", "thoracic-message");
    const show = (ticked) => {
      message.replaceChildren();
      message.classList.toggle("thoracic-alert", ticked.length > 0);
      if (!ticked.length) {
        message.append(element("p", "", config.nothing));
        return;
      }
      const advice = mostUrgent(config, ticked);
      const first = element("p");
      first.append(element("strong", "", `${advice.heading}.`), ` ${advice.action}`);
      const listed = element("ul");
      for (const text of flagTexts(config, ticked)) listed.append(element("li", "", text));
      message.append(first, element("p", "", "You ticked:"), listed, element("p", "", config.thanks));
      message.setAttribute("role", "alert");
    };
    checklist(part, config.list, store, { notes, onChange: show });
    const sources = element("div");
    sources.innerHTML = config.sources; // made by the course from its own records, escaped
    part.append(message, sources);
  };

  Site.parts.banner = (part, config, store) => {
    const ticked = Object.entries(store.ticks(config.checklist)).filter(([, on]) => on).map(([id]) => id);
    const shown = flagTexts(config, ticked);
    if (!shown.length) return;
    const advice = mostUrgent(config, ticked);
    const banner = element("div", "thoracic-alert");
    banner.setAttribute("role", "alert");
    banner.append(element("strong", "", config.banner_lead), ` ${config.banner_middle} ${shown.join("; ")}. `,
      element("strong", "", `${advice.heading}.`), ` ${advice.action}`);
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
        feedback.replaceChildren(element("strong", "", right ? "✓ Right." : "✗ Not this one."),
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
      part.append(element("p", "", `🌱 ${config.not_yet}`));
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
