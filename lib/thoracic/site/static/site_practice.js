// The practice log under a timer on the exported pages: the timer's core decides what is
// logged (PracticeTally in timer_core.js, as in JupyterLab) and sends each entry as a
// "log" event; this saves it on the device and, for the entry to rate (an exercise, or a
// routine as a whole), asks how it felt on the course's one 0 to 10 scale, with a note.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || { parts: {} });

  /** Eleven buttons for the 0 to 10 scale, the zone's advice, a note and Save. */
  function ratingForm(part, config, store) {
    const { element, button, say, keep } = Site;
    const scale = config.scale;
    const form = element("div", "thoracic-rating");
    const heading = element("p", "", "When you finish, you can note how it felt here.");
    const question = element("p", "", scale.label);
    const buttons = element("div", "thoracic-scale");
    buttons.setAttribute("role", "group");
    buttons.setAttribute("aria-label", scale.label);
    const zoneLine = element("p", "thoracic-zone");
    const note = element("textarea");
    note.placeholder = "A note for yourself (optional)";
    note.setAttribute("aria-label", "Note");
    note.maxLength = config.max_note;
    const save = button("Save how it felt");
    const status = element("p", "thoracic-status");
    let rating = null;
    let session = null;
    const zoneOf = (n) => scale.zones.find((zone) => zone.lowest <= n && n <= zone.highest);
    for (let n = scale.lowest; n <= scale.highest; n += 1) {
      const choice = button(String(n), "thoracic-button thoracic-number");
      const zone = zoneOf(n);
      choice.title = `${n} out of ${scale.highest}: ${zone.word}, ${zone.label.toLowerCase()}`;
      choice.setAttribute("aria-pressed", "false");
      choice.addEventListener("click", () => {
        rating = rating === n ? null : n; // pressing the chosen number again clears it
        for (const node of buttons.children) node.setAttribute("aria-pressed", String(Number(node.textContent) === rating));
        if (rating === null) {
          zoneLine.textContent = "";
          return;
        }
        zoneLine.replaceChildren(element("strong", "", `${zone.symbol} ${zone.word}: ${zone.label}.`), ` ${zone.advice}`);
        zoneLine.style.borderLeft = `6px solid ${zone.colour}`;
        zoneLine.setAttribute("role", "status");
      });
      buttons.append(choice);
    }
    save.disabled = true;
    note.disabled = true;
    save.addEventListener("click", () => {
      if (!session) return;
      const text = note.value.trim() || null;
      const said = rating === null ? " No rating." : ` ${rating} out of ${scale.highest}.`;
      const shown = text ? ` Note: ${text}` : "";
      if (keep(() => store.rateSession(session, rating, text), status)) {
        say(status, `✓ Saved:${said}${shown}`);
      }
    });
    form.append(heading, question, buttons, zoneLine, note, save, status);
    part.append(form);
    return (id) => {
      session = id;
      save.disabled = false;
      note.disabled = false;
      heading.replaceChildren(element("strong", "", "Well done!"), " How did your back feel?");
    };
  }

  Site.parts.practice = (part, config, store, placeholder) => {
    const status = Site.element("p", "thoracic-status");
    const ask = ratingForm(part, config, store);
    part.append(status);
    // The timer is this part's neighbour in the same box; its events bubble up to it.
    const box = placeholder.closest(".thoracic-practice") || placeholder.parentElement;
    box.addEventListener("thoracic-timer", ({ detail: entry }) => {
      if (entry.type !== "log") return;
      // The version of the dose the timer ran; a routine as a whole has none.
      const version = entry.kind === "routine" ? null : entry.version;
      let id = null;
      Site.keep(() => {
        id = store.recordSession(entry.kind, entry.exercise, entry.seconds,
          { sets: entry.sets, version });
      }, status);
      if (id && entry.rate) ask(id);
    });
  };
})(globalThis);
