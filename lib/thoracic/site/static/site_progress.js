// The site's own part of the My progress page: the progress file both ways. "Save my
// progress file" writes the format `thoracic progress --import` reads; "Load a progress
// file" reads what `thoracic progress --export` writes, checks it as strictly (the
// published schema and the checks past it, in device.js), and merges it. It sits under the
// dashboard, which the parts' front-end draws from what this device has kept.
(function (root) {
  "use strict";

  const Site = (root.ThoracicSite = root.ThoracicSite || {});

  Site.fileControls = function fileControls(part, store, redraw) {
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
  };
})(globalThis);
