// The site's own My progress page: what this device has kept, drawn in the browser with
// the same words and traffic-light colours as the My progress notebook (all from the
// page's config), and the progress file both ways: "Save my progress file" writes the
// format `thoracic progress --import` reads; "Load a progress file" reads what
// `thoracic progress --export` writes, checks it as strictly, and merges it.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || { parts: {} });
  const SVG = "http://www.w3.org/2000/svg";
  const Days = root.ThoracicDevice.days;  // the site's one set of day helpers
  const dayNumber = Days.dayNumber;
  /** A day number as a chart's date label, such as "30 Nov". */
  const shortDate = (number) => Days.shortDate(Days.dayFromNumber(number));
  /** Monday on or before the day (as day numbers). */
  const weekStart = (number) => number - Days.weekday(Days.dayFromNumber(number));

  function svg(tag, attributes = {}, text) {
    const node = root.document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The first and last dates under a chart, so it says when it shows. */
  function dateLabels(drawing, y, left, right, first, last) {
    drawing.append(svg("text", { x: left, y, "font-size": 9 }, shortDate(first)));
    if (last !== first) drawing.append(svg("text", { x: right, y, "font-size": 9, "text-anchor": "end" }, shortDate(last)));
  }

  function picture(title, alt, width, height) {
    const figure = Site.element("figure", "thoracic-chart");
    const drawing = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": alt,
      style: "width:100%;max-width:40em;height:auto" });
    drawing.append(svg("title", {}, alt));
    figure.append(Site.element("figcaption", "", title), drawing);
    return { figure, drawing };
  }

  function calendar(config, days, today) {
    const weeks = config.calendar_weeks;
    const first = weekStart(today) - 7 * (weeks - 1);
    const practised = [...days].filter((d) => d >= first && d <= today).length;
    const { figure, drawing } = picture(`Practice calendar, last ${weeks} weeks`,
      `Calendar of the last ${weeks} weeks, one square per day, filled on each day you practised: ${practised} days.`,
      weeks * 14 + 4, 7 * 14 + 4);
    for (let week = 0; week < weeks; week += 1) {
      for (let weekday = 0; weekday < 7; weekday += 1) {
        const day = first + 7 * week + weekday;
        if (day > today) continue;
        drawing.append(svg("rect", { x: 2 + 14 * week, y: 2 + 14 * weekday, width: 12, height: 12, rx: 2,
          fill: days.has(day) ? config.palette[0] : "#ececec", "data-day": Days.dayFromNumber(day) }));
      }
    }
    return figure;
  }

  function weeklyBars(config, days, today) {
    const bars = config.weekly_bars;
    const thisWeek = weekStart(today);
    const counts = [];
    for (let n = bars - 1; n >= 0; n -= 1) {
      const start = thisWeek - 7 * n;
      counts.push([...days].filter((d) => d >= start && d < start + 7).length);
    }
    const oldest = thisWeek - 7 * (bars - 1);
    const { figure, drawing } = picture("Days practised per week",
      `Bar chart of days practised in each of the last ${bars} weeks, oldest first, from the week of ${shortDate(oldest)} to the week of ${shortDate(thisWeek)}: ${counts.join(", ")}; the aim is ${config.weekly_target} days or more.`,
      bars * 24 + 10, 7 * 12 + 32);
    counts.forEach((count, index) => {
      drawing.append(svg("rect", { x: 6 + 24 * index, y: 7 * 12 + 10 - 12 * count, width: 18,
        height: 12 * count, fill: config.palette[0] }));
    });
    const target = 7 * 12 + 10 - 12 * config.weekly_target;
    drawing.append(svg("line", { x1: 0, x2: bars * 24 + 10, y1: target, y2: target,
      stroke: config.palette[5], "stroke-dasharray": "4 3" }));
    drawing.append(svg("text", { x: 4, y: target - 3, "font-size": 9 }, `aim: ${config.weekly_target} days or more`));
    dateLabels(drawing, 7 * 12 + 28, 6, bars * 24 + 4, oldest, thisWeek);
    return figure;
  }

  function ratingTrend(config, sessions) {
    const rated = sessions.filter((s) => s.rating !== null && s.rating !== undefined)
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    if (!rated.length) return null;
    const scale = config.scale;
    const width = 320;
    const height = 152;  // 12 of them for the dates underneath
    const y = (value) => 10 + (height - 32) * (1 - (value - scale.lowest) / (scale.highest - scale.lowest));
    const first = dayNumber(rated[0].day);
    const last = dayNumber(rated[rated.length - 1].day);
    // One day of ratings sits in the middle, not on the chart's left edge.
    const x = (day) => (last === first ? 40 + (width - 50) / 2
      : 40 + (width - 50) * ((dayNumber(day) - first) / (last - first)));
    const latest = rated[rated.length - 1].rating;
    const zoneOf = (n) => scale.zones.find((z) => z.lowest <= n && n <= z.highest);
    const { figure, drawing } = picture(`Discomfort after practice (${scale.anchors})`,
      `Your ratings of discomfort over time, from ${shortDate(first)} to ${shortDate(last)}, ${rated.length} in all; the latest is ${latest} (${zoneOf(latest).word}). The chart is shaded in the zones: ${scale.zones.map((z) => `${z.word} ${z.lowest} to ${z.highest}`).join(", ")}.`,
      width, height);
    for (const zone of scale.zones) {
      const top = y(zone.highest + 0.5 > scale.highest ? scale.highest : zone.highest + 0.5);
      const bottom = y(zone.lowest - 0.5 < scale.lowest ? scale.lowest : zone.lowest - 0.5);
      drawing.append(svg("rect", { x: 40, y: top, width: width - 50, height: bottom - top,
        fill: zone.colour, "fill-opacity": 0.25 }));
      drawing.append(svg("text", { x: 2, y: (top + bottom) / 2 + 3, "font-size": 9 }, `${zone.symbol} ${zone.word}`));
    }
    const points = rated.map((s) => `${x(s.day).toFixed(1)},${y(s.rating).toFixed(1)}`).join(" ");
    drawing.append(svg("polyline", { points, fill: "none", stroke: "#222", "stroke-width": 1.5 }));
    for (const s of rated) drawing.append(svg("circle", { cx: x(s.day), cy: y(s.rating), r: 2.5, fill: "#222" }));
    dateLabels(drawing, height - 4, 40, width - 10, first, last);
    return figure;
  }

  function nextDayTable(config, checks, today) {
    const since = today - 7 * config.next_day_weeks;
    const recent = checks.filter((c) => dayNumber(c.day) > since).sort((a, b) => (a.day < b.day ? 1 : -1));
    if (!recent.length) return null;
    const table = Site.element("table", "thoracic-table");
    table.setAttribute("aria-label", "Your next-day checks");
    const head = Site.element("tr");
    head.append(Site.element("th", "", "Day"), Site.element("th", "", "Your back the next morning"));
    table.append(head);
    for (const check of recent) {
      const option = config.next_day.answers.find((a) => a.answer === check.answer);
      const row = Site.element("tr");
      row.append(Site.element("td", "", check.day), Site.element("td", "", `${option.symbol} ${option.word}`));
      table.append(row);
    }
    return table;
  }

  function drawDashboard(view, config, store) {
    const { element } = Site;
    view.replaceChildren();
    const today = dayNumber(Site.today());
    const sessions = store.sessions();
    const records = store.records();
    const summary = root.ThoracicDevice.summarisePractice(sessions, Site.today());
    const facts = element("ul");
    facts.setAttribute("aria-label", "Practice summary");
    for (const [key, value] of [["current", summary.currentStreak], ["longest", summary.longestStreak],
      ["this_week", summary.daysThisWeek], ["in_all", summary.daysInAll]]) {
      facts.append(element("li", "", config.facts[key].replace("{}", String(value))));
    }
    view.append(facts);
    if (!sessions.length && !records.self_tests.length && !records.next_day_checks.length) {
      view.append(element("p", "", "Nothing kept on this device yet. Do an exercise with its timer, tick a checklist or record a self-test on these pages, or load a progress file below."));
      return;
    }
    const days = new Set(sessions.map((s) => dayNumber(s.day)));
    view.append(calendar(config, days, today), weeklyBars(config, days, today));
    const trend = ratingTrend(config, sessions);
    if (trend) view.append(trend);
    const table = nextDayTable(config, records.next_day_checks, today);
    if (table) view.append(element("h3", "", "The next-day check"), table);
    const tests = records.self_tests.slice(-6).reverse();
    if (tests.length) {
      view.append(element("h3", "", "Your latest self-tests"));
      const list = element("ul");
      for (const result of tests) {
        const test = config.self_tests.find((t) => t.id === result.test);
        const side = result.side ? ` (${result.side})` : "";
        list.append(element("li", "", `${result.day}: ${test ? test.name : result.test}${side} ${result.value} ${test ? test.unit : ""}`));
      }
      view.append(list);
    }
    const notes = sessions.filter((s) => s.note).slice(-5).reverse();
    if (notes.length) {
      view.append(element("h3", "", "Your latest notes"));
      const list = element("ul");
      for (const s of notes) list.append(element("li", "", `${s.day}, ${s.exercise}: ${s.note}`));
      view.append(list);
    }
  }

  function fileControls(part, store, redraw) {
    const { element, button, say } = Site;
    const box = element("section", "thoracic-file");
    box.setAttribute("aria-label", "Your progress file");
    box.append(element("h3", "", "Your progress file"),
      element("p", "", "Your progress stays on this device. To carry it to JupyterLab or to another device, save it as a file; to bring progress from JupyterLab (thoracic progress --export), load its file here. Loading adds what is new and never removes anything."));
    const save = button("Save my progress file");
    const chooser = element("input");
    chooser.type = "file";
    chooser.accept = ".json,application/json";
    chooser.id = "thoracic-load-file";
    const label = element("label", "thoracic-button", "Load a progress file");
    label.htmlFor = chooser.id;
    chooser.className = "thoracic-file-input";
    const status = element("p", "thoracic-status");
    save.addEventListener("click", () => {
      const data = JSON.stringify(store.exportFile(), null, 1);
      const link = element("a");
      link.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
      link.download = `upper-back-relief-progress-${Site.today()}.json`;
      root.document.body.append(link);
      link.click();
      link.remove();
      say(status, `✓ Saved ${link.download}. Import it in JupyterLab with: thoracic progress --import ${link.download}`);
    });
    chooser.addEventListener("change", async () => {
      const file = chooser.files && chooser.files[0];
      chooser.value = "";
      if (!file) return;
      const device = root.ThoracicDevice;
      const rules = root.ThoracicRules;
      try {
        // A file too large is refused before it is read into memory; the rest is read as
        // bytes, so text that is not UTF-8 is refused, never mended (as thoracic progress).
        const bytes = file.size > rules.limits.MAX_FILE_BYTES ? new Uint8Array(0)
          : new Uint8Array(await file.arrayBuffer());
        const report = store.importFile(device.readProgressBytes(bytes, rules, file.name, file.size));
        say(status, `✓ ${store.describeImport(report)}`);
        redraw();
      } catch (error) {
        say(status, `⚠ ${error.message}`, true);
      }
    });
    box.append(save, label, chooser, status);
    part.append(box);
  }

  Site.parts.dashboard = (part, config, store) => {
    const view = Site.element("div", "thoracic-dashboard");
    part.append(view);
    const redraw = () => drawDashboard(view, config, store);
    redraw();
    fileControls(part, store, redraw);
  };
})(globalThis);
