// The practice log under a timer on the exported pages: the same rules as the JupyterLab
// recorder (thoracic/practice/_recorder.py): each set that ends by the clock or by "Done
// with set" is logged at once, each finished exercise too, skipped parts are not
// practice, and a routine is rated once, as a whole. Then the learner may rate the
// discomfort on the course's one 0 to 10 scale and add a note.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || { parts: {} });

  /**
   * Turns the timer's events into practice-log entries. Pure apart from `log(kind, name,
   * seconds, sets)`, which writes one entry and returns its id (or null if not kept).
   */
  class PracticeLog {
    constructor({ routine = null, log, onRecorded = () => {} }) {
      this.routine = routine;
      this.version = "standard";
      this.log = log;
      this.onRecorded = onRecorded;
      this.clear();
    }

    clear() {
      this.sets = new Map();
      this.seconds = new Map();
      this.setSeconds = new Map();
      this.exercisesLogged = 0;
      this.routineSeconds = 0;
    }

    add(map, key, amount) {
      map.set(key, (map.get(key) || 0) + amount);
    }

    handle(event) {
      if (event.version) this.version = event.version; // the dose's version the timer runs
      if (event.type === "status" && event.status === "idle") this.clear();
      else if (event.type === "phase_end" && event.phase) this.phaseEnded(event);
      else if (event.type === "exercise_done") this.exerciseDone(event.exercise);
      else if (event.type === "finished") this.finished();
    }

    phaseEnded({ how, seconds, phase }) {
      if (how === "skip") return;
      const name = phase.exercise;
      // An exercise's time counts everything done; a set's time counts its work only.
      this.add(this.seconds, name, seconds);
      this.routineSeconds += seconds;
      if (phase.kind !== "hold" && phase.kind !== "reps") return;
      this.add(this.setSeconds, name, seconds);
      if (phase.kind === "reps" || phase.rep_number === phase.rep_count) {
        this.add(this.sets, name, 1);
        this.log("set", name, this.setSeconds.get(name), 1, this.version);
        this.setSeconds.set(name, 0);
      }
    }

    exerciseDone(name) {
      const sets = this.sets.get(name) || 0;
      if (!sets) return; // everything was skipped: nothing to log
      const id = this.log("exercise", name, this.seconds.get(name) || 0, sets, this.version);
      this.exercisesLogged += 1;
      this.sets.set(name, 0);
      this.seconds.set(name, 0);
      if (id && !this.routine) this.onRecorded(id); // a routine is rated once, at its end
    }

    finished() {
      if (!this.routine || !this.exercisesLogged) return;
      const id = this.log("routine", this.routine, this.routineSeconds, this.exercisesLogged, null);
      if (id) this.onRecorded(id);
    }
  }
  Site.PracticeLog = PracticeLog;

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
    const log = new PracticeLog({
      routine: config.routine,
      log: (kind, name, seconds, sets, version) => {
        let id = null;
        Site.keep(() => {
          id = store.recordSession(kind, name, Math.round(seconds * 10) / 10, { sets, version });
        }, status);
        return id;
      },
      onRecorded: ask,
    });
    // The timer is this part's neighbour in the same box; its events bubble up to it.
    const box = placeholder.closest(".thoracic-practice") || placeholder.parentElement;
    box.addEventListener("thoracic-timer", (event) => log.handle(event.detail));
  };
})(globalThis);
