"""How readable the exported site is on a phone: every page at 390x844 from file://, its
<details> opened, counted as tests/browser/test_phone_reading.py counts them:
- small_text: elements whose text is drawn under 12 px (figure labels included);
- small_inputs: fields under 16 px (iOS Safari zooms the page when one is focused);
- small_targets: links and controls under 24 px with no room around them (WCAG 2.5.8);
- short_targets: links and controls under 44 px tall, not inside a sentence (allowed when
  24 px with room, but a thumb's worth is better);
- sheet_smallest_pt: the printed sheet's smallest text as drawn (its pictures' words
  too), laid out for print on A4.
Per page, then 12-my-progress.html again with weeks of practice (so its charts are drawn),
then totals. Last line: one JSON object. Target: no small text, inputs or
targets on any page, and a sheet of 8 pt or more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from thoracic.site import export_course

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the measures and Chromium's flags are the tests' own
COUNTS = ("small_text", "small_inputs", "small_targets", "short_targets")


MY_PROGRESS = "12-my-progress.html"
TODAY = dt.date(2026, 3, 2)  # the pages' clock: the practice history ends that day


def _page_counts(page: object, html: Path, *, practised: bool = False) -> dict[str, int]:
    from tests.browser.phone import fill_with_practice, measure, open_everything, wait_for_parts

    page.goto(html.as_uri())  # type: ignore[attr-defined]
    wait_for_parts(page)
    if practised:
        fill_with_practice(page, TODAY)
        page.reload()  # type: ignore[attr-defined]
        wait_for_parts(page)
    open_everything(page)
    found = measure(page)
    return {"small_text": len(found["smallText"]), "small_inputs": len(found["smallInputs"]),
            "small_targets": len(found["smallTargets"]),
            "short_targets": len(found["shortTargets"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=None,
                        help="measure this exported site instead of exporting one afresh")
    arguments = parser.parse_args()
    from tests.browser.conftest import LAUNCH_ARGS
    from tests.browser.phone import PHONE, printed_area, smallest_printed_text

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench/phone_reading.py needs Debian's chromium: apt-get install "
                         "chromium")
    with tempfile.TemporaryDirectory() as work:
        site = arguments.site.resolve() if arguments.site else Path(work) / "site"
        if arguments.site is None:
            export_course(ROOT / "notebooks", site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            context = browser.new_context(viewport=PHONE)
            context.route("**/*", lambda route: route.continue_() if route.request.url
                          .startswith(("file:", "data:", "blob:")) else route.abort())
            page = context.new_page()
            page.clock.install(time=dt.datetime.combine(TODAY, dt.time(9), dt.UTC))
            pages = {html.name: _page_counts(page, html)
                     for html in sorted(site.glob("*.html"))}
            pages[f"{MY_PROGRESS} (practised)"] = _page_counts(page, site / MY_PROGRESS,
                                                               practised=True)
            printing = browser.new_context(viewport=printed_area())
            page = printing.new_page()
            page.emulate_media(media="print")
            page.goto((site / "sheet.html").as_uri())
            sheet_pt = smallest_printed_text(page)["pt"]
            browser.close()
    totals = {count: sum(found[count] for found in pages.values()) for count in COUNTS}
    for name, found in pages.items():
        print(f"{name:38} " + "  ".join(f"{count} {found[count]:3}" for count in COUNTS))
    print(f"{'all pages':38} " +
          "  ".join(f"{count} {totals[count]:3}" for count in COUNTS))
    print(f"sheet.html printed: smallest text {sheet_pt:.1f} pt")
    print(json.dumps({"pages": pages, "totals": totals, "sheet_smallest_pt": sheet_pt}))


if __name__ == "__main__":
    main()
