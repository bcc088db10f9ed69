/**
 * The browser's half of the six-week plan: this week's dose of each exercise, and why,
 * worked out from the device's history, for the offline site (which has no Python).
 *
 * It follows thoracic.plan.plan_week step for step; every number, sentence and dose comes
 * from `rules`, the JSON of Python's plan_rules(), so the rules themselves live once, in
 * progression.toml and the exercise records. tests/js/plan.test.mjs holds the two to the
 * same plans on the same histories, which Python writes.
 *
 * A classic script (the pages load it from file://); it defines one global, ThoracicPlan.
 * Pure: records and a day in, a plan out. Days are YYYY-MM-DD text; here they are counted
 * as whole days since 1970-01-01 (device.js's day numbers), which makes weeks plain arithmetic.
 */
(function (root) {
  "use strict";

  // The site's day helpers (device.js, loaded first): a day's number, and back.
  const {number: count, fromNumber: dayOf, monday} = root.ThoracicDevice.days;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

  function zoneOf(rules, rating) {
    if (rating === null || rating === undefined) return null;
    const zone = rules.zones.find((z) => z.lowest <= rating && rating <= z.highest);
    return zone ? zone.name : null;
  }

  /** Each day (a day count) the exercise was done: whether a whole dose was, the zones of
   *  its ratings and of the day's routine, the versions run, whether the next morning was
   *  worse and whether the effort check was ticked; as Python's _days. */
  function practiceDays(rules, exercise, records, effortDays) {
    const days = new Map();
    const at = (number) => {
      if (!days.has(number)) {
        days.set(number, {complete: false, zones: new Set(), worse: false, versions: new Set(),
          effort: false});
      }
      return days.get(number);
    };
    const least = Math.min(...Object.values(exercise.whole_sets));
    const routineZones = new Map();
    for (const session of records.sessions) {
      const zone = zoneOf(rules, session.rating);
      if (session.kind === "routine" && zone) {
        const number = count(session.day);
        if (!routineZones.has(number)) routineZones.set(number, new Set());
        routineZones.get(number).add(zone);
      }
    }
    for (const session of records.sessions) {
      if (session.exercise !== exercise.name || session.kind !== "exercise") continue;
      const day = at(count(session.day));
      const version = session.version || "";
      const whole = Object.hasOwn(exercise.whole_sets, version) ? exercise.whole_sets[version] : least;
      day.complete = day.complete || (session.sets || 0) >= whole;
      if (session.version) day.versions.add(session.version);
      const zone = zoneOf(rules, session.rating);
      if (zone) day.zones.add(zone);
    }
    for (const [number, zones] of routineZones) {
      if (days.has(number)) for (const zone of zones) days.get(number).zones.add(zone);
    }
    for (const [number, day] of days) day.effort = effortDays.has(dayOf(number));
    const practised = [...days.keys()].sort((a, b) => a - b);
    for (const check of records.next_day_checks) {
      if (check.answer !== "worse") continue;
      const checked = count(check.day);
      const before = practised.filter((number) => number < checked);
      // About the last session, not an older one.
      if (before.length && checked - before[before.length - 1] <= 2) {
        days.get(before[before.length - 1]).worse = true;
      }
    }
    return days;
  }

  /** The steps of the ladder an exercise has, and where it stands on them. */
  function ladderFor(rules, exercise) {
    const steps = rules.ladder.filter((step) => step in exercise.whole_sets);
    return {
      steps,
      index: steps.indexOf(rules.start),
      get level() {
        return this.steps[this.index];
      },
      up() {
        if (this.index + 1 >= this.steps.length) return false;
        this.index += 1;
        return true;
      },
      down() {
        this.index = Math.max(0, this.index - 1);
      },
      /** Whether a day's versions include this step or a harder one (none known: yes). */
      reached(versions) {
        const known = [...versions].map((v) => this.steps.indexOf(v)).filter((i) => i >= 0);
        return versions.size === 0 || (known.length > 0 && Math.max(...known) >= this.index);
      },
    };
  }

  /** [level, reason] for the week starting `week`, replaying every week before it, as
   *  Python's _plan_exercise. */
  function planExercise(rules, exercise, days, allDays, week) {
    const ladder = ladderFor(rules, exercise);
    const say = rules.say;
    const needed = rules.step_up_sessions;
    const counts = (day) => day.complete && day.zones.size === 1 && day.zones.has("green") &&
      ladder.reached(day.versions) && (exercise.kind !== "strength" || day.effort);
    const troubled = (day) => day.zones.has("red") || day.worse;
    const stepDown = (list) => fill(say.step_down, {level: ladder.level,
      why: list.some((day) => day.zones.has("red")) ? say.red : say.worse});
    if (allDays.length === 0) return [ladder.level, fill(say.stay, {level: ladder.level, done: 0, needed})];
    const sorted = [...days.keys()].sort((a, b) => a - b);
    let staying = true;
    let reason = "";
    let qualifying = 0;
    let restartedAfter = null; // one gentler restart per gap, not one a week
    const start = monday(allDays[0]);
    for (let mon = start; mon <= week; mon += 7) {
      staying = false;
      if (mon === start) {
        staying = true; // the first week
        continue;
      }
      const lastWeek = sorted.filter((number) => mon - 7 <= number && number < mon).map((n) => days.get(n));
      const before = allDays.filter((number) => number < mon);
      const last = before[before.length - 1];
      const gap = before.length ? mon - last - 1 : 0;
      if (before.length && gap >= rules.gap_days && restartedAfter === last) {
        // still away since the restart: the same dose, for the same reason
      } else if (before.length && gap >= rules.gap_days) {
        restartedAfter = last;
        ladder.down();
        qualifying = 0;
        reason = fill(say.restart, {days: gap, level: ladder.level});
      } else if (lastWeek.some(troubled)) {
        ladder.down();
        qualifying = 0;
        reason = stepDown(lastWeek.filter(troubled));
      } else if (lastWeek.some((day) => day.zones.has("amber"))) {
        reason = fill(say.stay_amber, {level: ladder.level});
      } else {
        qualifying += lastWeek.filter(counts).length;
        if (qualifying >= needed && ladder.up()) {
          qualifying = 0;
          reason = fill(say.step_up, {sessions: needed, level: ladder.level});
        } else if (ladder.index === ladder.steps.length - 1) {
          reason = fill(say.at_top, {level: ladder.level});
        } else {
          staying = true;
        }
      }
    }
    // This week so far: only a step down, and at once; good sessions count on.
    const thisWeek = sorted.filter((number) => week <= number && number < week + 7).map((n) => days.get(n));
    if (staying) {
      const done = qualifying + thisWeek.filter(counts).length;
      reason = done >= needed ? fill(say.ready, {level: ladder.level, needed})
        : fill(say.stay, {level: ladder.level, done, needed});
    }
    if (thisWeek.some(troubled)) {
      ladder.down();
      reason = stepDown(thisWeek.filter(troubled));
    }
    // Red again and again on the gentlest version: the dose is not the problem.
    const gentlest = ladder.steps[0];
    const redAtGentlest = [...days.values()].filter((day) => day.zones.has("red") &&
      day.versions.has(gentlest)).length;
    if (ladder.index === 0 && redAtGentlest >= rules.see_someone_sessions) {
      reason = fill(say.see_someone, {count: redAtGentlest});
    }
    return [ladder.level, reason];
  }

  /** The days (YYYY-MM-DD) each strength exercise's effort check was ticked. */
  function effortDays(rules, exercise, records) {
    return new Set((records.checklist_ticks || []).filter((tick) => tick.checked &&
      tick.checklist === exercise.form_checklist && tick.item === rules.effort_cue &&
      tick.day).map((tick) => tick.day));
  }

  /**
   * The plan for the week that holds `on` (YYYY-MM-DD) from `records` (the device store's
   * records by kind: sessions, next_day_checks, checklist_ticks), as Python's
   * WeekPlan.to_json() gives it.
   */
  function planWeek(records, on, rules) {
    const today = count(on);
    const week = monday(today);
    const practised = [...new Set(records.sessions.map((s) => count(s.day)))]
      .filter((number) => number <= today).sort((a, b) => a - b);
    const number = practised.length ? Math.floor((week - monday(practised[0])) / 7) + 1 : 1;
    const exercises = rules.exercises.map((exercise) => {
      const efforts = exercise.kind === "strength" ? effortDays(rules, exercise, records) : new Set();
      const days = practiceDays(rules, exercise, records, efforts);
      for (const day of [...days.keys()]) if (day > today) days.delete(day);
      const [level, reason] = planExercise(rules, exercise, days, practised, week);
      const done = [...days.keys()].filter((day) => week <= day && day <= today).length;
      return {id: exercise.id, level, reason, target: rules.targets[exercise.kind], done};
    });
    const example = records.sessions.length > 0 &&
      records.sessions.every((s) => s.id.startsWith(rules.example_prefix));
    return {week_start: dayOf(week), week_number: Math.max(1, number), example, exercises};
  }

  /** The plan of every week from the first week with practice to the week of `on`. */
  function planHistory(records, on, rules) {
    const practised = records.sessions.map((s) => count(s.day));
    if (practised.length === 0) return [planWeek(records, on, rules)];
    const today = count(on);
    const weeks = [];
    for (let mon = monday(Math.min(...practised)); mon <= today; mon += 7) {
      weeks.push(planWeek(records, dayOf(Math.min(today, mon + 6)), rules));
    }
    return weeks;
  }

  /** A routine's timer plan at a week's doses (TimerPlan.to_json(), as Python's
   *  routine_plan makes it): each exercise's phases at its version, one after another,
   *  with the change-over onto each but the first. */
  function routinePlan(rules, week, routine) {
    const levels = Object.fromEntries(week.exercises.map((exercise) => [exercise.id, exercise.level]));
    const {name, exercises} = rules.routines[routine];
    return {name, routine: true, phases: exercises.flatMap((id, n) => [
      ...(n ? [rules.pieces[id].changeover] : []), ...rules.pieces[id].levels[levels[id]]])};
  }

  /** How many whole minutes (rounded up) a routine's timer runs at a week's doses, as
   *  Python's routine_minutes. */
  function routineMinutes(rules, week, routine) {
    const seconds = routinePlan(rules, week, routine).phases.reduce((sum, phase) => sum + phase.seconds, 0);
    return Math.ceil(seconds / 60);
  }

  root.ThoracicPlan = Object.freeze({planWeek, planHistory, routinePlan, routineMinutes});
})(globalThis);
